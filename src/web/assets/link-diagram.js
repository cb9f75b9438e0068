// Progressive enhancement of an entity's links table: draws a small radial diagram of the entity
// and its neighbours from the table's data attributes. The table stays the accessible equivalent,
// so the drawing is hidden from assistive technology (aria-hidden) and the page works without it.
const SVG = 'http://www.w3.org/2000/svg';
const SIZE = 480;
const CENTRE = SIZE / 2;
const RADIUS = 170;

function element(name, attributes, text) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

function shorten(text, length) {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

function draw(table) {
  const rows = [...table.querySelectorAll('tr[data-link]')];
  if (!rows.length) return;
  const holder = document.querySelector(`[data-app-link-diagram-for="${table.id}"]`);
  if (!holder) return;
  const svg = element('svg', {
    viewBox: `0 0 ${SIZE} ${SIZE}`,
    width: '100%',
    height: SIZE,
    'aria-hidden': 'true',
    focusable: 'false',
    class: 'app-link-diagram__svg',
    'data-testid': 'link-diagram',
  });
  const widths = { low: 1, medium: 2, high: 4 };
  const nodes = rows.map((row, index) => {
    const angle = (2 * Math.PI * index) / rows.length - Math.PI / 2;
    return {
      x: CENTRE + RADIUS * Math.cos(angle),
      y: CENTRE + RADIUS * Math.sin(angle),
      name: row.dataset.other ?? '',
      kind: row.dataset.kind ?? '',
      reads: row.dataset.reads ?? '',
      confidence: row.dataset.confidence ?? 'medium',
    };
  });
  for (const node of nodes) {
    svg.append(
      element('line', {
        x1: CENTRE,
        y1: CENTRE,
        x2: node.x,
        y2: node.y,
        stroke: '#505a5f',
        'stroke-width': widths[node.confidence] ?? 2,
        'stroke-dasharray': node.confidence === 'low' ? '6 4' : 'none',
      }),
      element(
        'text',
        {
          x: (CENTRE + node.x) / 2,
          y: (CENTRE + node.y) / 2 - 4,
          'text-anchor': 'middle',
          'font-size': 12,
          fill: '#0b0c0c',
        },
        shorten(node.reads, 24),
      ),
    );
  }
  for (const node of nodes) {
    svg.append(
      element('circle', {
        cx: node.x,
        cy: node.y,
        r: 14,
        fill: '#ffffff',
        stroke: '#1d70b8',
        'stroke-width': 3,
      }),
      element(
        'text',
        { x: node.x, y: node.y + 30, 'text-anchor': 'middle', 'font-size': 13, fill: '#0b0c0c' },
        shorten(node.name, 28),
      ),
      element(
        'text',
        { x: node.x, y: node.y + 45, 'text-anchor': 'middle', 'font-size': 11, fill: '#505a5f' },
        node.kind,
      ),
    );
  }
  svg.append(
    element('circle', { cx: CENTRE, cy: CENTRE, r: 22, fill: '#1d70b8' }),
    element(
      'text',
      {
        x: CENTRE,
        y: CENTRE + 40,
        'text-anchor': 'middle',
        'font-size': 14,
        'font-weight': 'bold',
        fill: '#0b0c0c',
      },
      shorten(table.dataset.centre ?? '', 32),
    ),
  );
  holder.append(svg);
}

for (const table of document.querySelectorAll('table[data-app-link-diagram]')) draw(table);
