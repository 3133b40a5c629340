// Renders the math spans MathMarkup writes (<span class="math" data-display="false">$x^2$</span>) with the vendored
// KaTeX. The layout loads this only on pages with math. Without script, or where KaTeX cannot render an expression,
// the TeX source stays as written.
(function () {
  "use strict";
  if (!window.katex) return;

  // The delimiters are part of the span's text, so the source reads as TeX without script; KaTeX wants what is inside.
  function inside(source, display) {
    var open = source.charAt(0) === "$" ? (display ? 2 : 1) : 2;
    return source.slice(open, source.length - open);
  }

  document.querySelectorAll("span.math").forEach(function (span) {
    var source = span.textContent;
    var display = span.getAttribute("data-display") === "true";
    var rendered = document.createElement("span");
    try {
      // render, not renderToString: it sets styles through the DOM (CSSOM), which the policy allows, and never parses HTML.
      // throwOnError is true on purpose: with false, KaTeX shows an expression it cannot read as red text coloured by a
      // style attribute, which the policy blocks (and reports). Caught here, the expression stays as its TeX source.
      window.katex.render(inside(source, display), rendered, { throwOnError: true, displayMode: display });
    } catch (error) {
      return;
    }
    span.textContent = "";
    span.appendChild(rendered);
    span.setAttribute("data-rendered", "true");
  });
})();
