#!/usr/bin/python3
"""Independent NumPy reference for the notebook model: what Keras's model.predict returns.

Reads a Keras .h5 (model.save or save_weights; base flat or nested; weight names with or without
':0') holding MobileNetV2(include_top=False) -> GlobalAveragePooling2D -> Dense(relu) -> Dense(softmax)
and computes the softmax output for images, following Keras's layer semantics literally:

  Conv1          Conv2D 3x3, stride 2, padding 'same' (even input: pad (0,1); odd: (1,1)), no bias
  BatchNorm      (x - moving_mean) / sqrt(moving_variance + 1e-3) * gamma + beta
  ReLU6          min(max(x, 0), 6)
  stride-2 block ZeroPadding2D(correct_pad) then DepthwiseConv2D 3x3 'valid'
  stride-1 block DepthwiseConv2D 3x3 'same' (pad (1,1))
  residual       add when stride 1 and input channels == output channels
  head           mean over rows and cols, Dense + relu, Dense + softmax

Nothing is shared with the Java code: layers are taken from the file in Keras's order (layer_names,
then weight_names), and the network's shape comes from the weight shapes. Only NumPy and h5py.

Usage:
  keras_reference.py MODEL.h5 IMAGES.npy [-o PROBS.npy] [--preprocess notebook|mobilenet|none]
                     [--dump LAYER=FILE.npy ...] [--float32] [--quiet]
  keras_reference.py --self-test      (checks the vectorised layers against plain loops; prints OK)

IMAGES.npy: [N, H, W, 3] (or [H, W, 3]) RGB, raw 0..255 (any dtype). 'notebook' preprocessing
(the default) is x / 255 as the notebook's ImageDataGenerator(rescale=1/255); 'mobilenet' is
x / 127.5 - 1 (keras.applications.mobilenet_v2.preprocess_input); 'none' uses the values as given.
PROBS.npy: float64 [N, classes]. The probabilities are also printed, one image per line.
--dump stores a layer's output under its Keras name (Conv1, bn_Conv1, Conv1_relu, block_3_expand,
block_3_pad, block_3_depthwise_relu, block_5_add, Conv_1, out_relu, global_average_pooling2d, dense,
dense_1, plus 'logits' for dense_1 before softmax), shape [N, ...].
"""
import argparse
import re
import sys

import h5py
import numpy as np

EPSILON = 1e-3
# (filters, stride, expansion) of expanded_conv_ and block_1 .. block_16; channels are read from weights.
BLOCKS = [(16, 1, 1), (24, 2, 6), (24, 1, 6), (32, 2, 6), (32, 1, 6), (32, 1, 6), (64, 2, 6), (64, 1, 6),
          (64, 1, 6), (64, 1, 6), (96, 1, 6), (96, 1, 6), (96, 1, 6), (160, 2, 6), (160, 1, 6), (160, 1, 6),
          (320, 1, 6)]
BN_ROLES = ["gamma", "beta", "moving_mean", "moving_variance"]


def prefix(block):
    return "expanded_conv_" if block == 0 else "block_%d_" % block


def weighted_layer_names():
    """MobileNetV2's weighted layer names in Keras order (used only to order a nested base)."""
    names = ["Conv1", "bn_Conv1"]
    for b in range(len(BLOCKS)):
        p = prefix(b)
        if b > 0:
            names += [p + "expand", p + "expand_BN"]
        names += [p + "depthwise", p + "depthwise_BN", p + "project", p + "project_BN"]
    return names + ["Conv_1", "Conv_1_bn"]


# ---------------------------------------------------------------------------------------------- reading

def attr_strings(node, name):
    """A Keras string-list attribute (variable/fixed length, maybe chunked as name0, name1, ...)."""
    if name in node.attrs:
        values = list(np.atleast_1d(node.attrs[name]))
    else:
        values, i = [], 0
        while "%s%d" % (name, i) in node.attrs:
            values += list(np.atleast_1d(node.attrs["%s%d" % (name, i)]))
            i += 1
    return [v.decode("utf8") if isinstance(v, bytes) else str(v) for v in values if isinstance(v, (bytes, str))]


def read_layers(path):
    """[(name, [(role, array)])] for every layer with weights, in the order Keras loads them."""
    f = h5py.File(path, "r")
    root = f["model_weights"] if "model_weights" in f else f
    layers = []
    for layer in attr_strings(root, "layer_names"):
        group = root[layer]
        inner = {}
        for w in attr_strings(group, "weight_names"):
            ds = group[w] if w in group else group[w + ":0"] if w + ":0" in group else group[re.sub(r":\d+$", "", w)]
            if ds.dtype.kind != "f":
                continue  # e.g. a Keras 3 random layer's seed_generator_state: not a weight
            head, _, last = w.rpartition("/")
            role = re.sub(r":\d+$", "", last)
            inner.setdefault(head, (head.rsplit("/", 1)[-1] or layer, []))[1].append((role, np.array(ds, dtype=np.float64)))
        found = list(inner.values())
        order = weighted_layer_names()
        if len(found) > 1 and all(n in order for n, _ in found):
            found.sort(key=lambda nw: order.index(nw[0]))  # a nested base may list trainable weights first
        layers += found
    version = f.attrs.get("keras_version", root.attrs.get("keras_version", b"?"))
    f.close()
    return layers, version.decode() if isinstance(version, bytes) else str(version)


class Layers:
    """Hands out the file's weighted layers one by one, checking what kind each one is."""

    def __init__(self, layers):
        self.layers = list(layers)
        self.i = 0

    def _next(self, what):
        if self.i >= len(self.layers):
            sys.exit("error: the file has too few layers with weights (wanted %s)" % what)
        name, weights = self.layers[self.i]
        self.i += 1
        return name, weights

    def conv(self, what):
        name, weights = self._next(what)
        if len(weights) != 1 or weights[0][1].ndim != 4:
            sys.exit("error: layer %s should be a %s (one 4-D kernel), has %s" % (name, what, [r for r, _ in weights]))
        return weights[0][1]

    def bn(self, what):
        name, weights = self._next(what)
        if len(weights) != 4:
            sys.exit("error: layer %s should be a BatchNormalization (%s), has %s" % (name, what, [r for r, _ in weights]))
        roles = dict(weights)
        arrays = [roles[r] for r in BN_ROLES] if set(roles) == set(BN_ROLES) else [a for _, a in weights]
        return arrays  # gamma, beta, moving_mean, moving_variance

    def dense(self, what):
        name, weights = self._next(what)
        if len(weights) != 2:
            sys.exit("error: layer %s should be a Dense (%s), has %s" % (name, what, [r for r, _ in weights]))
        kernel = [a for _, a in weights if a.ndim == 2][0]
        bias = [a for _, a in weights if a.ndim == 1][0]
        return kernel, bias

    def done(self):
        if self.i != len(self.layers):
            sys.exit("error: %d layers with weights left over after the model, starting at %s"
                     % (len(self.layers) - self.i, self.layers[self.i][0]))


# ---------------------------------------------------------------------------------------------- layers

def same_pads(n, k, s):
    """TF/Keras 'same' padding (before, after) of one axis."""
    out = -(-n // s)
    total = max((out - 1) * s + k - n, 0)
    return total // 2, total - total // 2


def correct_pad(n, k):
    """keras.applications.imagenet_utils.correct_pad for one axis."""
    adjust = 1 - n % 2
    return k // 2 - adjust, k // 2


def patches(x, kh, kw, stride, pads):
    """im2col: [N, OH, OW, kh*kw, C] views of the zero-padded input."""
    x = np.pad(x, ((0, 0), pads[0], pads[1], (0, 0)))
    n, h, w, c = x.shape
    oh, ow = (h - kh) // stride + 1, (w - kw) // stride + 1
    cols = [x[:, i:i + stride * (oh - 1) + 1:stride, j:j + stride * (ow - 1) + 1:stride, :]
            for i in range(kh) for j in range(kw)]
    return np.stack(cols, axis=3)


def conv2d(x, kernel, stride, pads):
    """Conv2D, kernel [kh, kw, in, out], no bias."""
    kh, kw, cin, cout = kernel.shape
    p = patches(x, kh, kw, stride, pads)
    n, oh, ow = p.shape[:3]
    return (p.reshape(n * oh * ow, kh * kw * cin) @ kernel.reshape(kh * kw * cin, cout)).reshape(n, oh, ow, cout)


def conv_same(x, kernel, stride):
    kh, kw = kernel.shape[:2]
    return conv2d(x, kernel, stride, (same_pads(x.shape[1], kh, stride), same_pads(x.shape[2], kw, stride)))


def depthwise(x, kernel, stride, pads):
    """DepthwiseConv2D, kernel [kh, kw, C, 1], no bias."""
    kh, kw, c, m = kernel.shape
    assert m == 1, "depth_multiplier must be 1"
    p = patches(x, kh, kw, stride, pads)
    return np.einsum("nhwpc,pc->nhwc", p, kernel.reshape(kh * kw, c), optimize=True)


def batch_norm(x, gamma, beta, mean, var):
    return (x - mean) / np.sqrt(var + EPSILON) * gamma + beta


def relu6(x):
    return np.minimum(np.maximum(x, 0), 6)


def softmax(z):
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


# ---------------------------------------------------------------------------------------------- model

def predict(layers, images, dtype=np.float64, keep=()):
    """Softmax output [N, classes]; the outputs of the layers named in keep go into the returned dict."""
    L = Layers([(n, [(r, a.astype(dtype)) for r, a in w]) for n, w in layers])
    saved = {}

    def out(name, value):
        if name in keep:
            saved[name] = value.copy()
        return value

    x = images.astype(dtype)
    x = out("Conv1", conv_same(x, L.conv("Conv1"), 2))
    x = out("bn_Conv1", batch_norm(x, *L.bn("bn_Conv1")))
    x = out("Conv1_relu", relu6(x))
    for b, (_, stride, _) in enumerate(BLOCKS):
        p = prefix(b)
        inp = x
        if b > 0:
            x = out(p + "expand", conv_same(x, L.conv(p + "expand"), 1))
            x = out(p + "expand_BN", batch_norm(x, *L.bn(p + "expand_BN")))
            x = out(p + "expand_relu", relu6(x))
        k = L.conv(p + "depthwise")
        if stride == 2:
            pads = (correct_pad(x.shape[1], 3), correct_pad(x.shape[2], 3))
            x = out(p + "pad", np.pad(x, ((0, 0), pads[0], pads[1], (0, 0))))
            x = out(p + "depthwise", depthwise(x, k, 2, ((0, 0), (0, 0))))
        else:
            x = out(p + "depthwise", depthwise(x, k, 1, (same_pads(x.shape[1], 3, 1), same_pads(x.shape[2], 3, 1))))
        x = out(p + "depthwise_BN", batch_norm(x, *L.bn(p + "depthwise_BN")))
        x = out(p + "depthwise_relu", relu6(x))
        x = out(p + "project", conv_same(x, L.conv(p + "project"), 1))
        x = out(p + "project_BN", batch_norm(x, *L.bn(p + "project_BN")))
        if stride == 1 and inp.shape[-1] == x.shape[-1]:
            x = out(p + "add", inp + x)
    x = out("Conv_1", conv_same(x, L.conv("Conv_1"), 1))
    x = out("Conv_1_bn", batch_norm(x, *L.bn("Conv_1_bn")))
    x = out("out_relu", relu6(x))
    x = out("global_average_pooling2d", x.mean(axis=(1, 2)))
    w, bias = L.dense("Dense(relu)")
    x = out("dense", np.maximum(x @ w + bias, 0))
    w, bias = L.dense("Dense(softmax)")
    x = out("logits", x @ w + bias)
    x = out("dense_1", softmax(x))
    L.done()
    return x, saved


# ---------------------------------------------------------------------------------------------- self test

def naive_conv(x, kernel, stride, pads, depthwise_conv=False):
    """Convolution written as loops over output pixels, straight from the definition."""
    x = np.pad(x, ((0, 0), pads[0], pads[1], (0, 0)))
    n, h, w, c = x.shape
    kh, kw = kernel.shape[:2]
    oh, ow = (h - kh) // stride + 1, (w - kw) // stride + 1
    out = np.zeros((n, oh, ow, c if depthwise_conv else kernel.shape[3]))
    for i in range(oh):
        for j in range(ow):
            window = x[:, i * stride:i * stride + kh, j * stride:j * stride + kw, :]  # n, kh, kw, c
            if depthwise_conv:
                out[:, i, j, :] = (window * kernel[:, :, :, 0]).sum(axis=(1, 2))
            else:
                out[:, i, j, :] = np.tensordot(window, kernel, axes=([1, 2, 3], [0, 1, 2]))
    return out


def self_test():
    rng = np.random.default_rng(0)
    # TF 'same' and keras correct_pad for 3x3: even sizes pad (0, 1) at stride 2, odd sizes (1, 1).
    assert same_pads(96, 3, 2) == (0, 1) and same_pads(7, 3, 2) == (1, 1) and same_pads(5, 3, 1) == (1, 1)
    assert correct_pad(96, 3) == (0, 1) and correct_pad(7, 3) == (1, 1)
    assert same_pads(8, 1, 1) == (0, 0)
    for size in (8, 7):
        x = rng.normal(size=(2, size, size + 1, 3))
        k = rng.normal(size=(3, 3, 3, 5))
        pads = (same_pads(x.shape[1], 3, 2), same_pads(x.shape[2], 3, 2))
        got = conv_same(x, k, 2)
        assert got.shape == (2, -(-size // 2), -(-(size + 1) // 2), 5), got.shape
        assert np.allclose(got, naive_conv(x, k, 2, pads))
        k1 = rng.normal(size=(1, 1, 3, 4))
        assert np.allclose(conv_same(x, k1, 1), np.einsum("nhwc,co->nhwo", x, k1[0, 0]))
        d = rng.normal(size=(3, 3, 3, 1))
        pads = (correct_pad(x.shape[1], 3), correct_pad(x.shape[2], 3))
        assert np.allclose(depthwise(x, d, 2, pads), naive_conv(x, d, 2, pads, True))
        assert np.allclose(depthwise(x, d, 1, ((1, 1), (1, 1))), naive_conv(x, d, 1, ((1, 1), (1, 1)), True))
    # On even sizes ZeroPadding2D(((0,1),(0,1))) + 'valid' equals 'same' at stride 2.
    x = rng.normal(size=(1, 10, 10, 2))
    d = rng.normal(size=(3, 3, 2, 1))
    assert np.allclose(depthwise(x, d, 2, ((0, 1), (0, 1))), naive_conv(x, d, 2, (same_pads(10, 3, 2),) * 2, True))
    z = batch_norm(np.array([1.0, 2.0]), np.array([2.0, 1.0]), np.array([0.5, 0.0]), np.array([1.0, 1.0]), np.array([3.999, 0.999]))
    assert np.allclose(z, [0.5, 1.0])
    assert np.allclose(relu6(np.array([-1.0, 3.0, 7.0])), [0, 3, 6])
    assert np.allclose(softmax(np.array([[0.0, np.log(3.0)]])), [[0.25, 0.75]])
    print("OK")


def preprocess(images, mode):
    x = np.asarray(images, dtype=np.float64)
    if x.ndim == 3:
        x = x[None]
    if x.ndim != 4 or x.shape[-1] != 3:
        sys.exit("error: images must be [N, H, W, 3], got %s" % (x.shape,))
    if mode == "notebook":
        return x / 255.0
    if mode == "mobilenet":
        return x / 127.5 - 1.0
    return x


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("model", nargs="?", help="Keras .h5 file (model.save or save_weights)")
    ap.add_argument("images", nargs="?", help=".npy [N,H,W,3], raw 0..255")
    ap.add_argument("-o", "--output", help="write the probabilities [N, classes] (float64) to this .npy")
    ap.add_argument("--preprocess", choices=["notebook", "mobilenet", "none"], default="notebook")
    ap.add_argument("--dump", action="append", default=[], metavar="LAYER=FILE.npy", help="save a layer's output")
    ap.add_argument("--float32", action="store_true", help="compute in float32 (default float64)")
    ap.add_argument("--quiet", action="store_true", help="do not print the probabilities")
    ap.add_argument("--self-test", action="store_true", help="check the layer code against plain loops")
    args = ap.parse_args(argv)
    if args.self_test:
        self_test()
        return
    if not args.model or not args.images:
        ap.error("MODEL.h5 and IMAGES.npy are required")

    dumps = dict(d.split("=", 1) for d in args.dump)
    layers, version = read_layers(args.model)
    x = preprocess(np.load(args.images), args.preprocess)
    probs, saved = predict(layers, x, np.float32 if args.float32 else np.float64, keep=set(dumps))
    for name, path in dumps.items():
        if name not in saved:
            sys.exit("error: no layer named %s" % name)
        np.save(path, saved[name])
    probs = probs.astype(np.float64)
    if args.output:
        np.save(args.output, probs)
    print("Keras %s file, %d weighted layers, %d images %dx%d, %d classes"
          % (version, len(layers), x.shape[0], x.shape[1], x.shape[2], probs.shape[1]), file=sys.stderr)
    if not args.quiet:
        for row in probs:
            print(" ".join("%.8f" % p for p in row))


if __name__ == "__main__":
    main()
