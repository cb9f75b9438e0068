/* global window, URL */
// Progressive enhancement of a network page: draws the network as an interactive picture with
// cytoscape (served from our own origin, /assets/cytoscape/). The page's table is the accessible
// equivalent and works without JavaScript, so the picture is aria-hidden.
//
// The page provides, side by side:
//   <div data-network-view></div>
//   <script type="application/json" id="network-data" nonce="...">NetworkViewData</script>
// (NetworkViewData in src/features/network/types.ts, built by `toViewData` and written by
// `viewDataJson` from src/features/network/exports/, which escapes `<` so no name ends the element.)
// When drawn, the holder says so: data-network-ready="true", data-network-nodes and
// data-network-edges (the counts drawn).
import cytoscape from '../cytoscape/cytoscape.esm.min.js';

// Okabe and Ito's palette, distinguishable with the common colour-vision deficiencies.
const COMMUNITY_COLOURS = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#F0E442',
  '#000000',
];
const NO_COMMUNITY = '#6f777b';
// Communities beyond the palette repeat its colours; the table says which community each node is in.

// A white glyph per entity schema, drawn on the node's colour. Bundled here: no icon CDN.
const GLYPHS = {
  Person: '<circle cx="12" cy="8" r="4"/><path d="M4 21c0-4.4 3.6-7 8-7s8 2.6 8 7z"/>',
  Business:
    '<path d="M4 21V5l8-3v5l8 3v11z"/><path fill="#000" fill-opacity=".35" d="M7 9h2v2H7zm0 4h2v2H7zm8 0h2v2h-2zm0 4h2v2h-2z"/>',
  Address: '<path d="M12 3 3 11h3v9h12v-9h3z"/>',
  Premises:
    '<path d="M3 9 5 4h14l2 5zM4 10h16v11H4z"/><path fill="#000" fill-opacity=".35" d="M10 14h4v7h-4z"/>',
  Vehicle: '<path d="M3 15l2-6h14l2 6v4H3z"/><circle cx="7" cy="19" r="2"/><circle cx="17" cy="19" r="2"/>',
  Phone:
    '<rect x="7" y="2" width="10" height="20" rx="2"/><rect x="9" y="4" width="6" height="12" fill="#000" fill-opacity=".35"/>',
  OnlineAccount:
    '<circle cx="12" cy="12" r="9"/><text x="12" y="16.5" font-size="13" font-family="Arial" text-anchor="middle" fill="#000" fill-opacity=".55">@</text>',
  BankAccount:
    '<rect x="2" y="6" width="20" height="13" rx="2"/><rect x="2" y="9" width="20" height="3" fill="#000" fill-opacity=".35"/>',
};
const OTHER_GLYPH = '<circle cx="12" cy="12" r="6"/>';

function glyph(schema) {
  const body = Object.hasOwn(GLYPHS, schema) ? GLYPHS[schema] : OTHER_GLYPH;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="48" height="48" fill="#fff">${body}</svg>`;
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

const SHAPES = {
  Person: 'ellipse',
  Business: 'round-rectangle',
  Address: 'round-pentagon',
  Premises: 'round-pentagon',
  Vehicle: 'round-hexagon',
  Phone: 'round-diamond',
  OnlineAccount: 'round-octagon',
  BankAccount: 'round-rectangle',
};

function colourOf(community) {
  if (typeof community !== 'number' || !Number.isInteger(community) || community < 0) return NO_COMMUNITY;
  return COMMUNITY_COLOURS[community % COMMUNITY_COLOURS.length];
}

/** Only our own pages: a path on this origin, never another site or a javascript: address. */
function safeHref(href) {
  return typeof href === 'string' && href.startsWith('/') && !href.startsWith('//') ? href : null;
}

function readData() {
  const script = document.getElementById('network-data');
  if (!script) return null;
  try {
    const data = JSON.parse(script.textContent ?? '');
    if (!Array.isArray(data?.nodes) || !Array.isArray(data?.edges)) return null;
    return data;
  } catch {
    return null;
  }
}

function elementsOf(data) {
  const byId = (a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const nodes = [...data.nodes].sort(byId);
  const ids = new Set(nodes.map((node) => String(node.id)));
  const edges = [...data.edges].sort(byId).filter((edge) => ids.has(edge.source) && ids.has(edge.target));
  return [
    ...nodes.map((node, index) => {
      const angle = (2 * Math.PI * index) / nodes.length;
      const size = Math.min(1, Math.max(0, Number(node.size) || 0));
      return {
        group: 'nodes',
        position: { x: 300 * Math.cos(angle), y: 300 * Math.sin(angle) },
        data: {
          id: String(node.id),
          label: String(node.label ?? ''),
          href: safeHref(node.href),
          size,
          diameter: 24 + Math.round(size * 40),
          colour: colourOf(node.community),
          shape: SHAPES[node.schema] ?? 'ellipse',
          icon: glyph(node.schema),
        },
      };
    }),
    ...edges.map((edge) => ({
      group: 'edges',
      data: {
        id: String(edge.id),
        source: edge.source,
        target: edge.target,
        label: String(edge.label ?? ''),
      },
    })),
  ];
}

const STYLE = [
  {
    selector: 'node',
    style: {
      width: 'data(diameter)',
      height: 'data(diameter)',
      shape: 'data(shape)',
      'background-color': 'data(colour)',
      'background-image': 'data(icon)',
      'background-fit': 'contain',
      'background-width': '70%',
      'background-height': '70%',
      'border-width': 2,
      'border-color': '#ffffff',
      label: 'data(label)',
      'font-family': 'arial, sans-serif',
      'font-size': 12,
      color: '#0b0c0c',
      'text-valign': 'bottom',
      'text-margin-y': 4,
      'text-max-width': '140px',
      'text-wrap': 'ellipsis',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.8,
      'text-background-padding': '1px',
      'min-zoomed-font-size': 7,
    },
  },
  { selector: 'node:selected, node.hover', style: { 'border-color': '#0b0c0c', 'border-width': 4 } },
  {
    selector: 'edge',
    style: {
      width: 2,
      'line-color': '#505a5f',
      'curve-style': 'bezier',
      label: '',
      'font-family': 'arial, sans-serif',
      'font-size': 11,
      color: '#0b0c0c',
      'text-background-color': '#ffffff',
      'text-background-opacity': 1,
      'text-background-padding': '2px',
      'text-rotation': 'autorotate',
    },
  },
  // Edge labels only when asked for (hovered, selected, or touching a hovered node): all at once
  // would cover the picture.
  {
    selector: 'edge:selected, edge.hover, edge.near',
    style: { label: 'data(label)', width: 3, 'line-color': '#0b0c0c' },
  },
];

// Above this many nodes the force-directed layout would keep the page busy for seconds.
const LARGE = 400;

/**
 * Never random, so the same network always draws the same way: force-directed (cose) from a
 * circle in id order (cose draws no random numbers when randomize is false); for large networks,
 * rings by size with the largest in the middle, in id order within a ring.
 */
function layoutFor(count) {
  if (count > LARGE) {
    return {
      name: 'concentric',
      concentric: (node) => node.data('size'),
      levelWidth: () => 0.1,
      animate: false,
      fit: true,
      padding: 30,
    };
  }
  return {
    name: 'cose',
    randomize: false,
    animate: false,
    nodeDimensionsIncludeLabels: true,
    idealEdgeLength: () => 90,
    nodeRepulsion: () => 400_000,
    numIter: 1500,
    fit: true,
    padding: 30,
  };
}

function downloadButton(cy) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'govuk-button govuk-button--secondary';
  button.dataset.module = 'network-view-download';
  button.textContent = 'Download picture (PNG)';
  button.addEventListener('click', () => {
    const blob = cy.png({ output: 'blob', bg: '#ffffff', full: true, scale: 2 });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = 'network.png';
    document.body.append(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
  });
  return button;
}

function draw(holder, data) {
  const canvas = document.createElement('div');
  canvas.className = 'app-network-view__canvas';
  canvas.setAttribute('aria-hidden', 'true');
  canvas.dataset.testid = 'network-canvas';
  // Set through the CSSOM, which the CSP allows (it forbids inline style attributes only).
  canvas.style.height = '520px';
  canvas.style.border = '1px solid #b1b4b6';
  canvas.style.marginBottom = '15px';
  canvas.style.position = 'relative';
  holder.append(canvas);
  // cytoscape adds a <style> element for `position: relative` unless an element with this id
  // exists; the CSP refuses inline style elements, so mark it done (the position is set above).
  if (!document.getElementById('__________cytoscape_stylesheet')) {
    const marker = document.createElement('meta');
    marker.id = '__________cytoscape_stylesheet';
    document.head.append(marker);
  }

  const cy = cytoscape({
    container: canvas,
    elements: elementsOf(data),
    style: STYLE,
    layout: layoutFor(data.nodes.length),
    // Large networks: draw edges and labels again only once panning or zooming stops.
    hideEdgesOnViewport: data.nodes.length > LARGE,
    textureOnViewport: data.nodes.length > LARGE,
    minZoom: 0.2,
    maxZoom: 4,
    wheelSensitivity: 0.3,
    boxSelectionEnabled: false,
  });

  cy.on('mouseover', 'node', (event) => {
    event.target.addClass('hover');
    event.target.connectedEdges().addClass('near');
    const href = event.target.data('href');
    canvas.style.cursor = href ? 'pointer' : 'default';
  });
  cy.on('mouseout', 'node', (event) => {
    event.target.removeClass('hover');
    event.target.connectedEdges().removeClass('near');
    canvas.style.cursor = 'default';
  });
  cy.on('mouseover', 'edge', (event) => event.target.addClass('hover'));
  cy.on('mouseout', 'edge', (event) => event.target.removeClass('hover'));
  cy.on('tap', 'node', (event) => {
    const href = event.target.data('href');
    if (href) window.location.assign(href);
  });

  holder.append(downloadButton(cy));
  holder.dataset.networkNodes = String(cy.nodes().length);
  holder.dataset.networkEdges = String(cy.edges().length);
  holder.dataset.networkReady = 'true';
  // For tests and the page's own scripts: the picture's nodes and where they are drawn.
  holder.networkView = {
    renderedPosition: (id) => {
      const node = cy.getElementById(id);
      return node.nonempty() ? node.renderedPosition() : null;
    },
  };
}

const holder = document.querySelector('[data-network-view]');
const data = holder ? readData() : null;
if (holder && data && data.nodes.length) draw(holder, data);
