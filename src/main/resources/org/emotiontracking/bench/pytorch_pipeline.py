"""The PyTorch baseline of `bench what=inference`: classify a folder of photos end to end.

MobileNetV2 (the Keras layer structure the project serves: same widths, strides, expansion, ReLU6,
batch norms, residual additions) + global average pooling + Dense(128, relu) + Dense(classes, softmax),
built here with torch.nn (PyTorch's own random initialisation: speed does not depend on the values),
then torch.jit.script -> torch.jit.freeze (folds the batch norms into the convolutions) ->
torch.jit.optimize_for_inference. Photos are decoded with PIL and resized to the input size in a
DataLoader with worker processes, batched, run, and one CSV row per photo is written.

usage: pytorch_pipeline.py <folder> <out.csv> [--threads 2] [--workers 2] [--size 224] [--alpha 1.0] [--classes 7]
prints: model_seconds=<build+freeze> seconds=<decode+resize+infer+write> images=<n>
"""
import argparse
import csv
import os
import sys
import time

import numpy as np
import torch
import torch.nn as nn
from PIL import Image


def make_divisible(v, divisor=8):
    new_v = max(divisor, int(v + divisor / 2) // divisor * divisor)
    if new_v < 0.9 * v:
        new_v += divisor
    return new_v


def conv_bn(cin, cout, k, stride, groups=1, relu=True):
    layers = [nn.Conv2d(cin, cout, k, stride, padding=k // 2, groups=groups, bias=False),
              nn.BatchNorm2d(cout, eps=1e-3)]
    if relu:
        layers.append(nn.ReLU6())
    return nn.Sequential(*layers)


class Block(nn.Module):
    def __init__(self, cin, cout, stride, expansion):
        super().__init__()
        hidden = cin * expansion
        layers = [] if expansion == 1 else [conv_bn(cin, hidden, 1, 1)]
        layers += [conv_bn(hidden, hidden, 3, stride, groups=hidden), conv_bn(hidden, cout, 1, 1, relu=False)]
        self.body = nn.Sequential(*layers)
        self.residual = stride == 1 and cin == cout

    def forward(self, x):
        y = self.body(x)
        return x + y if self.residual else y


BLOCKS = [(16, 1, 1), (24, 2, 6), (24, 1, 6), (32, 2, 6), (32, 1, 6), (32, 1, 6), (64, 2, 6), (64, 1, 6),
          (64, 1, 6), (64, 1, 6), (96, 1, 6), (96, 1, 6), (96, 1, 6), (160, 2, 6), (160, 1, 6), (160, 1, 6),
          (320, 1, 6)]


class EmotionNet(nn.Module):
    def __init__(self, alpha, classes):
        super().__init__()
        first = make_divisible(32 * alpha)
        layers = [conv_bn(3, first, 3, 2)]
        cin = first
        for filters, stride, expansion in BLOCKS:
            cout = make_divisible(int(filters * alpha))
            layers.append(Block(cin, cout, stride, expansion))
            cin = cout
        last = make_divisible(1280 * alpha) if alpha > 1.0 else 1280
        layers.append(conv_bn(cin, last, 1, 1))
        self.features = nn.Sequential(*layers)
        self.hidden = nn.Linear(last, 128)
        self.out = nn.Linear(128, classes)

    def forward(self, x):  # x: N, H, W, 3 uint8 as float, 0..255
        x = x.permute(0, 3, 1, 2) / 127.5 - 1.0
        x = self.features(x).mean(dim=(2, 3))
        return torch.softmax(self.out(torch.relu(self.hidden(x))), dim=1)


class Photos(torch.utils.data.Dataset):
    def __init__(self, files, size):
        self.files, self.size = files, size

    def __len__(self):
        return len(self.files)

    def __getitem__(self, i):
        im = Image.open(self.files[i]).convert("RGB").resize((self.size, self.size), Image.BILINEAR)
        return torch.from_numpy(np.asarray(im, dtype=np.uint8).copy())


def main():
    a = argparse.ArgumentParser()
    a.add_argument("folder")
    a.add_argument("out")
    a.add_argument("--threads", type=int, default=2)
    a.add_argument("--workers", type=int, default=2)
    a.add_argument("--size", type=int, default=224)
    a.add_argument("--alpha", type=float, default=1.0)
    a.add_argument("--classes", type=int, default=7)
    a.add_argument("--batch", type=int, default=32)
    args = a.parse_args()
    torch.set_num_threads(args.threads)
    t0 = time.time()
    model = EmotionNet(args.alpha, args.classes).eval()
    with torch.no_grad():
        frozen = torch.jit.optimize_for_inference(torch.jit.freeze(torch.jit.script(model)))
        warm = torch.zeros(args.batch, args.size, args.size, 3)
        for _ in range(2):
            frozen(warm)
    model_seconds = time.time() - t0
    files = sorted(os.path.join(r, f) for r, _, fs in os.walk(args.folder) for f in fs
                   if f.lower().endswith((".jpg", ".jpeg", ".png")))
    loader = torch.utils.data.DataLoader(Photos(files, args.size), batch_size=args.batch, num_workers=args.workers)
    t1 = time.time()
    n = 0
    with open(args.out, "w", newline="") as f, torch.no_grad():
        w = csv.writer(f)
        for batch in loader:
            p = frozen(batch.float()).numpy()
            for row in p:
                w.writerow([files[n], int(row.argmax()), *("%.6f" % v for v in row)])
                n += 1
    print("model_seconds=%.3f seconds=%.3f images=%d" % (model_seconds, time.time() - t1, n))


if __name__ == "__main__":
    sys.exit(main())
