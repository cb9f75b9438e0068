/** The snippet is the only place item text meets markup: escaped first, then highlighted. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { snippetHtml } from './presenters.js';
import { HIGHLIGHT_END, HIGHLIGHT_START } from './queries.js';

describe('search snippets', () => {
  it('escapes the text and marks only the matches', () => {
    assert.equal(
      snippetHtml(`Seen <script>x</script> & "${HIGHLIGHT_START}dealing${HIGHLIGHT_END}" at Tom's`),
      'Seen &#60;script&#62;x&#60;/script&#62; &#38; &#34;<mark class="app-search-highlight">dealing</mark>&#34; at Tom&#39;s',
    );
  });
});
