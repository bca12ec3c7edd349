// Reads a GEXF file with graphology-gexf and prints, as JSON, what a user of Gephi Lite / sigma.js would get.
const fs = require("fs");
const { DOMParser } = require("@xmldom/xmldom");
global.DOMParser = DOMParser;
const Graph = require("graphology");
const gexf = require("graphology-gexf");

const graph = gexf.parse(Graph, fs.readFileSync(process.argv[2], "utf8"));
const nodes = [];
graph.forEachNode((key, attrs) => nodes.push({ key, ...attrs }));
const edges = [];
graph.forEachEdge((key, attrs, source, target) => edges.push({ source, target, ...attrs }));
process.stdout.write(JSON.stringify({ nodes, edges }));
