// Emotion Tracking: Grad-CAM heat maps for every image of a folder (what the model looked at).
//
// Arguments (missing ones are asked for when ImageJ has a window):
//   model=<emotion_mobilenet_model.zip or a Keras .h5 model>
//   input=<folder of images>
//   output=<folder for the overlays>
//   faces=detect|whole
//   target=predicted      (or an emotion name: explain that class instead of the predicted one)
//   layer=Conv_1          (the convolution layer whose maps are weighted)
//   method=gradcam        (or gradcam++)
// Batch use, e.g.:
//   xvfb-run -a java -Dplugins.dir=/path/to/ImageJ -jar ij.jar -batch gradcam_folder.ijm "model=[/m/emotion_mobilenet_model.zip] input=[/photos] output=[/out/gradcam]"

GRADCAM = "Grad-CAM Overlay";

args = getArgument();
model = option(args, "model", "");
input = option(args, "input", "");
output = option(args, "output", "");
faces = option(args, "faces", "detect");
target = option(args, "target", "predicted");
layer = option(args, "layer", "Conv_1");
method = option(args, "method", "gradcam");
if (model == "") model = File.openDialog("Emotion model (.zip or .h5)");
if (input == "") input = getDirectory("Folder of images");
if (output == "") output = getDirectory("Output folder");

run(GRADCAM, "model=[" + model + "] input=[" + input + "] output=[" + output + "] faces=" + faces +
	" target=[" + target + "] layer=[" + layer + "] method=" + method);
print("Grad-CAM overlays in " + output);

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
