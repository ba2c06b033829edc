"""Checks run in the page by several browser tests."""

# every date and time in the page's text ("2026-12-08 10:05"), outside charts: the lines its characters sit on
DATE_LINES = """() => {
  const found = [];
  const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    if (text.parentElement.closest('svg, .sr-only') || text.parentElement.offsetParent === null) continue;
    for (const match of text.data.matchAll(/\\d{4}-\\d\\d-\\d\\d( \\d\\d:\\d\\d)?/g)) {
      const range = document.createRange();
      range.setStart(text, match.index);
      range.setEnd(text, match.index + match[0].length);
      const tops = new Set([...range.getClientRects()].filter(r => r.width).map(r => Math.round(r.top)));
      found.push([match[0], tops.size]);
    }
  }
  return found;
}"""
