/**
 * In the browser, beside Mermaid's bundle (scripts/diagram-render.ts loads both into a blank page):
 * `window.measureDiagrams(texts)` renders each diagram and measures it.
 *
 * For each diagram: its size (the SVG's viewBox, in px), Mermaid's error if it could not parse or
 * draw it, and every label that leaves its frame: a state's name or lines outside its box, an edge
 * label outside its background, anything outside the picture, or a label that crosses the border
 * of a composite state.
 */

const TOLERANCE = 1;

function rectOf(element) {
  const r = element.getBoundingClientRect();
  return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
}

function union(rects) {
  return rects.reduce((a, b) => ({
    left: Math.min(a.left, b.left),
    top: Math.min(a.top, b.top),
    right: Math.max(a.right, b.right),
    bottom: Math.max(a.bottom, b.bottom),
  }));
}

function inside(inner, outer) {
  return (
    inner.left >= outer.left - TOLERANCE &&
    inner.top >= outer.top - TOLERANCE &&
    inner.right <= outer.right + TOLERANCE &&
    inner.bottom <= outer.bottom + TOLERANCE
  );
}

function intersects(a, b) {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

function labelText(element) {
  return (element.innerText ?? element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The box of a state: its shapes, not its labels. */
function shapeOf(node) {
  const shapes = [...node.querySelectorAll('rect, path, circle, ellipse, polygon')].filter(
    (shape) => !shape.closest('g.label'),
  );
  return shapes.length > 0 ? union(shapes.map(rectOf)) : undefined;
}

/** Each state's box: its name (the first line of its label) and its height. */
function boxesOf(svg) {
  const boxes = [];
  for (const node of svg.querySelectorAll('g.node')) {
    const shape = shapeOf(node);
    const name = node.querySelector('g.label span, g.label text');
    if (shape && name) boxes.push({ name: labelText(name), height: shape.bottom - shape.top });
  }
  return boxes;
}

function problemsOf(svg) {
  const problems = [];
  const picture = rectOf(svg);
  const labels = [];
  for (const node of svg.querySelectorAll('g.node')) {
    const shape = shapeOf(node);
    for (const label of node.querySelectorAll('g.label span, g.label text')) {
      const text = labelText(label);
      if (!text || label.parentElement?.closest('g.label span, g.label text')) continue;
      const rect = rectOf(label);
      labels.push({ text, rect });
      if (shape && !inside(rect, shape)) problems.push(`state label "${text}" leaves its box`);
    }
  }
  for (const edge of svg.querySelectorAll('g.edgeLabel')) {
    const text = labelText(edge);
    const content = edge.querySelector('span, text');
    const frame = edge.querySelector('foreignObject, rect');
    if (!text || !content) continue;
    const rect = rectOf(content);
    labels.push({ text, rect });
    if (frame && !inside(rect, rectOf(frame)))
      problems.push(`edge label "${text}" leaves its background`);
  }
  for (const { text, rect } of labels) {
    if (!inside(rect, picture)) problems.push(`label "${text}" leaves the picture`);
    for (const cluster of svg.querySelectorAll('g.clusters > g')) {
      const frame = cluster.querySelector('rect.outer, rect');
      if (!frame) continue;
      const border = rectOf(frame);
      if (intersects(rect, border) && !inside(rect, border))
        problems.push(`label "${text}" crosses the frame of "${labelText(cluster)}"`);
    }
  }
  return problems;
}

window.measureDiagrams = async (texts) => {
  const mermaid = window.mermaid;
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
  const results = [];
  for (const [i, text] of texts.entries()) {
    document.body.replaceChildren();
    try {
      await mermaid.parse(text);
      const { svg } = await mermaid.render(`diagram${i}`, text);
      const holder = document.createElement('div');
      holder.style.display = 'inline-block';
      holder.innerHTML = svg;
      document.body.append(holder);
      const element = holder.querySelector('svg');
      // Drawn at its own size, so that px in the page are px of the picture.
      const { width, height } = element.viewBox.baseVal;
      element.style.maxWidth = 'none';
      element.setAttribute('width', String(width));
      element.setAttribute('height', String(height));
      results.push({ width, height, boxes: boxesOf(element), problems: problemsOf(element) });
    } catch (error) {
      results.push({
        width: 0,
        height: 0,
        boxes: [],
        problems: [],
        error: String(error?.message ?? error),
      });
    }
  }
  return results;
};
