// Emotion Tracking: train a model on a folder of faces, then classify a folder of images with it.
//
// Arguments (all optional; missing folders are asked for when ImageJ has a window):
//   dataset=<folder with one sub-folder of face images per emotion>
//   images=<folder of images to classify (searched recursively)>
//   output=<folder for the model, reports and emotion_results.csv>
//   epochs=16 weights=imagenet
// Batch use, e.g.:
//   ImageJ:  xvfb-run -a java -Dplugins.dir=/path/to/ImageJ -jar ij.jar -batch train_then_classify.ijm "dataset=[/data/faces] images=[/data/photos] output=[/data/run1]"
//   Fiji:    ImageJ-linux64 -batch train_then_classify.ijm "dataset=[/data/faces] images=[/data/photos] output=[/data/run1]"
// The keys of run(...) are the command-line keys (java -jar emotion-tracking.jar train|classify --help).

TRAIN = "Train Emotion Model";
CLASSIFY = "Classify Emotions";

args = getArgument();
dataset = option(args, "dataset", "");
images = option(args, "images", "");
output = option(args, "output", "");
epochs = option(args, "epochs", "16");
weights = option(args, "weights", "imagenet");
if (dataset == "") dataset = getDirectory("Training folder (one sub-folder per emotion)");
if (images == "") images = getDirectory("Folder of images to classify");
if (output == "") output = getDirectory("Output folder");
output = stripSlash(output);

run(TRAIN, "dataset=[" + dataset + "] output=[" + output + "] epochs=" + epochs + " weights=[" + weights + "]");
model = output + File.separator + "emotion_mobilenet_model.zip";
if (!File.exists(model)) {
	print("Training saved no model (cancelled?): see the Log window.");
	exit();
}

run(CLASSIFY, "model=[" + model + "] input=[" + images + "] output=[" + output + File.separator + "classified]" +
	" faces=detect recursive=true");
selectWindow("Emotion Results");
saveAs("Results", output + File.separator + "emotion_results.csv");
print("Done: " + output);

// The value of key=value or key=[value with spaces] in a macro argument, or fallback.
function option(args, key, fallback) {
	i = indexOf(" " + args, " " + key + "=");
	if (i < 0) return fallback;
	v = substring(args, i + lengthOf(key) + 1);
	if (startsWith(v, "[")) return substring(v, 1, indexOf(v, "]"));
	j = indexOf(v, " ");
	if (j >= 0) v = substring(v, 0, j);
	return v;
}

function stripSlash(path) {
	if (endsWith(path, "/") || endsWith(path, "\\")) return substring(path, 0, lengthOf(path) - 1);
	return path;
}
