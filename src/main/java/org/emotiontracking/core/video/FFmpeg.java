package org.emotiontracking.core.video;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swscale;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.emotiontracking.core.util.NativeLibrary;

/**
 * The bridge to FFmpeg (bytedeco's build, natives from the {@code org.bytedeco:ffmpeg} jar of the
 * platform): loads the libraries once, quiets FFmpeg's own log (errors are reported through Java
 * exceptions and messages naming the file), and turns FFmpeg error codes into text.
 */
public final class FFmpeg {

	private static final NativeLibrary NATIVES = new NativeLibrary(
		"Could not load FFmpeg's native libraries for %s (is org.bytedeco:ffmpeg with this platform's classifier on "
		+ "the class path? Build with -Dffmpeg.native.classifier=...)", () -> {
		Loader.load(avutil.class);
		Loader.load(avcodec.class);
		Loader.load(avformat.class);
		Loader.load(swscale.class);
		avutil.av_log_set_level(avutil.AV_LOG_QUIET);
	});

	private FFmpeg() {}

	/**
	 * Loads FFmpeg's native libraries unless already loaded; safe from any thread.
	 *
	 * @throws IllegalStateException if the natives for this platform are not on the class path
	 */
	public static void ensureLoaded() {
		NATIVES.ensureLoaded();
	}

	/** FFmpeg's text for an error code, e.g. "Invalid data found when processing input". */
	public static String error(final int code) {
		final byte[] buf = new byte[256];
		if (avutil.av_strerror(code, buf, buf.length) < 0) return "FFmpeg error " + code;
		int n = 0;
		while (n < buf.length && buf[n] != 0) n++;
		return new String(buf, 0, n, StandardCharsets.UTF_8);
	}

	/** The text of a C string pointer (null: ""). */
	static String string(final Pointer p) {
		if (p == null || p.isNull()) return "";
		return new BytePointer(p).getString();
	}

	/** The name of a codec id, e.g. "h264". */
	public static String codecName(final int codecId) {
		ensureLoaded();
		return avcodec.avcodec_get_name(codecId).getString();
	}

	/** FFmpeg's version string, e.g. "6.1.1". */
	public static String version() {
		ensureLoaded();
		return avutil.av_version_info().getString();
	}

	/** Names of the video decoders this build has (e.g. h264, hevc, vp9, libaom-av1). */
	public static List<String> videoDecoders() {
		return codecs(true);
	}

	/** Names of the video encoders this build has. */
	public static List<String> videoEncoders() {
		return codecs(false);
	}

	private static List<String> codecs(final boolean decoders) {
		ensureLoaded();
		final List<String> out = new ArrayList<>();
		try (PointerPointer<Pointer> it = new PointerPointer<>(1)) {
			it.put(0, (Pointer) null);
			for (AVCodec c = avcodec.av_codec_iterate(it); c != null && !c.isNull(); c = avcodec.av_codec_iterate(it)) {
				if (c.type() != avutil.AVMEDIA_TYPE_VIDEO) continue;
				if (decoders ? avcodec.av_codec_is_decoder(c) != 0 : avcodec.av_codec_is_encoder(c) != 0) out.add(
					c.name().getString());
			}
		}
		return out;
	}
}
