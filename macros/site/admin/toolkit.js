// The toolkit's additions to Decap CMS (macros/site/cms.py): Decap's bundle only where the editor can work, then
// the toolkit's YAML format and previews, then the start.
import * as YAML from "./yaml/index.js";

const LIST = ["lead", "ordered", "items"]; // the fields of a list (content/schema/common.schema.json $defs.list)

// A point of a list is text, or text with sub-points. Decap edits a list of one shape, so every point is read
// as {text, points} and a point without sub-points is written back as plain text: files keep their form.
function isList(node) {
  return node && typeof node === "object" && !Array.isArray(node) && Array.isArray(node.items) &&
    Object.keys(node).every((key) => LIST.includes(key));
}

function walk(node, change) {
  if (Array.isArray(node)) return node.map((entry) => walk(entry, change));
  if (!node || typeof node !== "object") return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) out[key] = walk(value, change);
  if (isList(out)) out.items = out.items.map(change);
  return out;
}

const expand = (point) => (typeof point === "string" ? { text: point } : point);
const collapse = (point) =>
  point && typeof point === "object" && Object.keys(point).length === 1 && "text" in point ? point.text : point;

// A list file (themes.yml, …) is a list at its root; Decap edits a file as fields, so it is read as
// {entries: [...]} and written back as the list (macros/site/cms.py LIST_KEY).
const LIST_KEY = "entries";
const isListFile = (data) =>
  data && typeof data === "object" && !Array.isArray(data) && Object.keys(data).length === 1 &&
  Array.isArray(data[LIST_KEY]);

const format = {
  fromFile: (text) => {
    const data = walk(YAML.parse(text) ?? {}, expand);
    return Array.isArray(data) ? { [LIST_KEY]: data } : data;
  },
  toFile: (data) => YAML.stringify(walk(isListFile(data) ? data[LIST_KEY] : data, collapse), { lineWidth: 0 }),
};

// The main kinds as the site shows them: the title, then every text field and list, in the form's order.
function preview(h, props) {
  const data = props.entry.get("data");
  const parts = [h("h1", { key: "title" }, data.get("title"))];
  for (const field of props.fields) {
    const name = field.get("name");
    const value = data.get(name);
    if (value == null || ["id", "title", "themes", "related", "source", "group"].includes(name)) continue;
    if (field.get("widget") === "markdown") parts.push(h("div", { key: name }, props.widgetFor(name)));
    else if (field.get("widget") === "list" && field.get("field")) {
      parts.push(h("ul", { key: name }, value.toArray().map((text, n) => h("li", { key: n }, String(text)))));
    }
  }
  return h("article", { className: "md-typeset" }, parts);
}

function start() {
  const cms = window.CMS;
  cms.registerCustomFormat("toolkit-yml", "yml", format);
  // Previews in the site's own look: the stylesheets every page of the built site links (macros/site/cms.py).
  const styles = document.querySelector('meta[name="toolkit-preview-styles"]').content.split(" ").filter(Boolean);
  for (const href of styles) cms.registerPreviewStyle(new URL(href, location.href).href);
  const Preview = window.createClass({ render() { return preview(window.h, this.props); } });
  for (const kind of ["tips", "lessons", "scenarios"]) cms.registerPreviewTemplate(kind, Preview);
  document.getElementById("toolkit-editor-notice").remove();
  window.initCMS();
}

document.documentElement.classList.remove("no-js");
const local = ["localhost", "127.0.0.1"].includes(location.hostname);
if (document.documentElement.dataset.editor === "on" || local) {
  window.CMS_MANUAL_INIT = true; // Decap would start itself as soon as its bundle runs
  const bundle = document.createElement("script");
  bundle.src = "decap-cms.js";
  bundle.addEventListener("load", start);
  document.head.append(bundle);
} else { // not set up here: say so, and spare the 5 MB download
  document.getElementById("toolkit-editor-loading").hidden = true;
  document.getElementById("toolkit-editor-off").hidden = false;
}
