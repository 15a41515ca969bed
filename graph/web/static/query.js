// The query editor of the home page: YASGUI (vendored, static/vendor/yasgui) on this server's /sparql,
// with the project's prefixes, the stored queries as examples, paged tables and CSV/JSON downloads.
// Nothing is fetched from other sites: the class/property completers (they ask lov.linkeddata.es) are off.
(function () {
  "use strict";
  const runNow = location.hash === "#run";  // read before YASGUI rewrites the address
  const config = JSON.parse(document.getElementById("config").textContent);
  const prefixBlock = Object.keys(config.prefixes).sort()
    .map((p) => `PREFIX ${p}: <${config.prefixes[p]}>`).join("\n");
  const withPrefixes = (text) => prefixBlock + "\n\n" + text.replace(/^\s*(PREFIX[^\n]*\n)*/i, "");

  Yasgui.Yasqe.defaults.autocompleters = ["prefixes", "variables"];
  Yasgui.Yasr.plugins.table.defaults.pageSize = 50;
  const endpoint = new URL("/sparql", location.href).href;
  const yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: endpoint, method: "POST", acceptHeaderSelect: "application/sparql-results+json",
                     acceptHeaderGraph: "text/turtle" },
    copyEndpointOnNewTab: false,
    endpointCatalogueOptions: { getData: () => [{ endpoint: endpoint }] },
    persistenceId: "diplograph-yasgui",
    yasqe: { value: withPrefixes(config.examples[0].query) },
  });

  // the stored queries as examples: pick one, it opens in a new tab
  const picker = document.createElement("select");
  picker.id = "examples";
  picker.append(new Option("examples: open a stored query…", ""));
  config.examples.forEach((example, i) => picker.append(new Option(example.name, String(i))));
  picker.addEventListener("change", () => {
    if (!picker.value) return;
    const example = config.examples[Number(picker.value)];
    const tab = yasgui.addTab(true, { name: example.name, yasqe: { value: withPrefixes(example.query) } });
    tab.getYasqe().setValue(withPrefixes(example.query));
    picker.value = "";
  });
  document.getElementById("yasgui").before(picker);

  // IRIs of this graph link to their pages here, not to the w3id address
  const local = (iri) => iri.startsWith(config.idBase) ? "/" + iri.slice(config.base.length) : iri;
  Yasgui.Yasr.plugins.table.defaults.openIriInNewWindow = false;
  document.addEventListener("click", (event) => {
    const link = event.target.closest && event.target.closest(".yasr a.iri");
    if (link && link.href.startsWith(config.idBase)) {
      event.preventDefault();
      location.href = local(link.href);
    }
  });

  window.diplographYasgui = yasgui;  // for the browser tests and the console
  // /#run runs the current query at once (a link to share; how the browser test drives this page)
  if (runNow) {
    window.addEventListener("load", () => setTimeout(() => {
      const tab = yasgui.getTab();
      tab.getYasqe().setValue(withPrefixes(config.examples[0].query));
      tab.query();
    }, 0));
  }
})();
