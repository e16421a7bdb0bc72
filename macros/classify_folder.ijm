// Emotion Tracking: classify every image under a folder tree and save the Emotion Results table as CSV.
//
// Arguments (missing ones are asked for when ImageJ has a window):
//   model=<emotion_mobilenet_model.zip or a Keras .h5 model>
//   input=<folder of images; sub-folders are searched too>
//   output=<folder for the prediction log, charts and emotion_results.csv>
//   faces=detect|whole   (detect faces first, or classify each whole image as one face)
// Batch use, e.g.:
//   xvfb-run -a java -Dplugins.dir=/path/to/ImageJ -jar ij.jar -batch classify_folder.ijm "model=[/m/emotion_mobilenet_model.zip] input=[/photos] output=[/out]"

CLASSIFY = "Classify Emotions";

args = getArgument();
model = option(args, "model", "");
input = option(args, "input", "");
output = option(args, "output", "");
faces = option(args, "faces", "detect");
if (model == "") model = File.openDialog("Emotion model (.zip or .h5)");
if (input == "") input = getDirectory("Folder of images");
if (output == "") output = getDirectory("Output folder");
if (endsWith(output, "/") || endsWith(output, "\\")) output = substring(output, 0, lengthOf(output) - 1);

run(CLASSIFY, "model=[" + model + "] input=[" + input + "] output=[" + output + "] faces=" + faces + " recursive=true");
selectWindow("Emotion Results");
saveAs("Results", output + File.separator + "emotion_results.csv");
print(Table.size("Emotion Results") + " rows saved to " + output + File.separator + "emotion_results.csv");

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
