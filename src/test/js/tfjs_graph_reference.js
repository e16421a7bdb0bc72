// Independent reference for the TF.js converter: runs a TF.js graph model with npm's @tensorflow/tfjs
// (pure JavaScript CPU backend) on raw RGB images, with the preprocessing written out here.
//
//   node tfjs_graph_reference.js <tfjs node_modules> <model.json> <images.f32> <n> <size> <preprocessing>
//
// images.f32: n * size * size * 3 little-endian float32 values, RGB 0..255, NHWC.
// preprocessing: grayscale_rescale_1_255 | grayscale_minus1_1 | rescale_1_255 | mobilenet_v2
// Prints the model's output as JSON: n rows of class probabilities.
const path = require('path');
const fs = require('fs');
const [modules, modelJson, imagesFile, nText, sizeText, preprocessing] = process.argv.slice(2);
const tf = require(path.join(modules, '@tensorflow', 'tfjs'));

async function main() {
  await tf.setBackend('cpu');
  const model = JSON.parse(fs.readFileSync(modelJson, 'utf8'));
  const specs = [];
  const buffers = [];
  for (const group of model.weightsManifest) {
    for (const w of group.weights) specs.push(w);
    for (const p of group.paths) buffers.push(fs.readFileSync(path.join(path.dirname(modelJson), p)));
  }
  const all = Buffer.concat(buffers);
  const weightData = all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength);
  const graph = await tf.loadGraphModel(tf.io.fromMemory({ modelTopology: model.modelTopology, weightSpecs: specs, weightData }));
  const n = parseInt(nText, 10), size = parseInt(sizeText, 10);
  const raw = fs.readFileSync(imagesFile);
  const values = new Float32Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength));
  const rgb = tf.tensor4d(values, [n, size, size, 3]);
  let x;
  if (preprocessing.startsWith('grayscale')) {
    const [r, g, b] = tf.split(rgb, 3, 3);
    const gray = tf.addN([tf.mul(r, 0.2989), tf.mul(g, 0.5870), tf.mul(b, 0.1140)]);
    x = preprocessing === 'grayscale_rescale_1_255' ? tf.div(gray, 255) : tf.sub(tf.div(gray, 127.5), 1);
  } else {
    x = preprocessing === 'rescale_1_255' ? tf.div(rgb, 255) : tf.sub(tf.div(rgb, 127.5), 1);
  }
  const out = graph.execute(x);
  process.stdout.write(JSON.stringify(await out.array()));
}

main().catch((e) => { console.error(e && e.stack ? e.stack : String(e)); process.exit(1); });
