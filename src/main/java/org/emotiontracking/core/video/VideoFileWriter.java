package org.emotiontracking.core.video;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVOutputFormat;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swscale;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.emotiontracking.core.util.AtomicFiles;

/**
 * Writes RGB frames into a video file with FFmpeg: the first encoder of {@link #ENCODERS} this
 * build has (bytedeco's FFmpeg 6.1 build has OpenH264, so .mp4 files are H.264, which every
 * player reads; without it MPEG-4 part 2), YUV 4:2:0, each frame at its own time (millisecond
 * time base: frames from a camera or from {@code every=N} play at their real pace). Odd frame sizes
 * are rounded down to even ones (4:2:0 needs them). Not thread-safe.
 * <p>
 * The video is written to a temporary file in the target's folder ({@code .name.xxxx.part}) and
 * moved onto the target by {@link #close()} once the file is finished, so an interrupted run never
 * leaves half a video under the final name and an existing file is only replaced with overwrite
 * on; a writer that fails (or is {@link #discard() discarded}) deletes its temporary file.
 */
public final class VideoFileWriter implements Closeable {

	/** Encoders tried in order. */
	public static final List<String> ENCODERS = List.of("libx264", "libopenh264", "mpeg4");

	private static final int EAGAIN = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("mac") ? 35
		: 11;

	private final Path file;
	private final Path temp;
	private final boolean overwrite;
	private final int width;
	private final int height;
	private final int inWidth;
	private final int inHeight;
	private final String encoder;
	private AVFormatContext format;
	private AVCodecContext codec;
	private final AVStream stream;
	private final AVRational timeBase = avutil.av_make_q(1, 1000);
	private AVFrame frame;
	private final AVPacket packet = avcodec.av_packet_alloc();
	private BytePointer rgb;
	private final PointerPointer<BytePointer> rgbPlanes = new PointerPointer<>(4);
	private final IntPointer rgbStride = new IntPointer(4);
	private SwsContext sws;
	private long frames;
	private long lastPts = Long.MIN_VALUE;
	/** Milliseconds between the last two frames: the duration given to packets (the last frame needs one to be shown).
	 * */
	private long step;
	private boolean closed;

	/**
	 * A new video (see {@link #VideoFileWriter(Path, int, int, double, boolean)}) that must not replace
	 * an existing file.
	 */
	public VideoFileWriter(final Path file, final int width, final int height, final double fps) throws IOException {
		this(file, width, height, fps, false);
	}

	/**
	 * Starts the video (container from the target's extension, e.g. .mp4) for frames of the given
	 * size, in a temporary file beside the target.
	 *
	 * @param fps nominal frame rate (for the encoder's rate control; times come with each frame)
	 * @param overwrite whether {@link #close()} may replace an existing target
	 * @throws java.nio.file.FileAlreadyExistsException if the target exists and overwrite is off
	 * @throws IOException if no encoder of {@link #ENCODERS} is present or the file cannot be written
	 */
	public VideoFileWriter(final Path file, final int width, final int height, final double fps,
		final boolean overwrite) throws IOException
	{
		FFmpeg.ensureLoaded();
		AtomicFiles.checkCanWrite(file, overwrite);
		this.file = file;
		this.overwrite = overwrite;
		this.inWidth = width;
		this.inHeight = height;
		this.width = Math.max(2, width & ~1);
		this.height = Math.max(2, height & ~1);
		AVCodec c = null;
		String name = null;
		for (final String n : ENCODERS) {
			c = avcodec.avcodec_find_encoder_by_name(n);
			if (c != null && !c.isNull()) {
				name = n;
				break;
			}
		}
		if (name == null) throw new IOException("This FFmpeg build has none of the video encoders " + ENCODERS
			+ ": cannot write " + file);
		final AVOutputFormat container = avformat.av_guess_format(null, file.getFileName().toString(), null);
		if (container == null || container.isNull()) throw new IOException("FFmpeg knows no video format for the name "
			+ file);
		this.encoder = name;
		this.temp = AtomicFiles.createTempFor(file);
		frame = avutil.av_frame_alloc();
		frame.format(avutil.AV_PIX_FMT_YUV420P);
		frame.width(this.width);
		frame.height(this.height);
		avutil.av_frame_get_buffer(frame, 0);
		rgb = new BytePointer(avutil.av_malloc((long) inWidth * inHeight * 3)).capacity((long) inWidth * inHeight * 3);
		rgbPlanes.put(0, rgb);
		rgbStride.put(0, inWidth * 3);
		format = new AVFormatContext(null);
		int r = avformat.avformat_alloc_output_context2(format, container, null, temp.toString());
		try {
			if (r < 0 || format.isNull()) throw new IOException("FFmpeg cannot write " + file + " (" + FFmpeg.error(r)
				+ ")");
			stream = avformat.avformat_new_stream(format, null);
			codec = avcodec.avcodec_alloc_context3(c);
			codec.width(this.width);
			codec.height(this.height);
			codec.pix_fmt(avutil.AV_PIX_FMT_YUV420P);
			codec.time_base(timeBase);
			final double rate = fps > 0 && fps <= 1000 ? fps : 30;
			codec.framerate(avutil.av_d2q(rate, 100_000));
			step = Math.max(1, Math.round(1000 / rate));
			codec.gop_size((int) Math.max(1, Math.round(rate * 2)));
			// about 4 bits per pixel per second
			codec.bit_rate(Math.max(1_000_000L, (long) this.width * this.height * 4));
			codec.thread_count(0);
			if ((format.oformat().flags() & avformat.AVFMT_GLOBALHEADER) != 0) codec.flags(
				codec.flags() | avcodec.AV_CODEC_FLAG_GLOBAL_HEADER);
			if (name.equals("mpeg4")) codec.qmax(8);
			r = avcodec.avcodec_open2(codec, c, (PointerPointer<?>) null);
			if (r < 0) throw new IOException("Cannot open the " + name + " encoder for " + file + " (" + FFmpeg.error(r)
				+ ")");
			r = avcodec.avcodec_parameters_from_context(stream.codecpar(), codec);
			if (r < 0) throw new IOException("Cannot set up " + file + " (" + FFmpeg.error(r) + ")");
			stream.time_base(timeBase);
			final AVIOContext pb = new AVIOContext(null);
			r = avformat.avio_open(pb, temp.toString(), avformat.AVIO_FLAG_WRITE);
			if (r < 0) throw new IOException("Cannot create " + file + " (" + FFmpeg.error(r) + ")");
			format.pb(pb);
			r = avformat.avformat_write_header(format, (PointerPointer<?>) null);
			if (r < 0) throw new IOException("Cannot write the header of " + file + " (" + FFmpeg.error(r) + ")");
		}
		catch (final IOException | RuntimeException e) {
			release();
			AtomicFiles.deleteQuietly(temp);
			throw e;
		}
	}

	/** The encoder used, e.g. "libopenh264". */
	public String encoder() { return encoder; }

	public Path file() { return file; }

	/** Frames written so far. */
	public long frames() { return frames; }

	/**
	 * Appends a frame (interleaved RGB, the size given at creation) shown at {@code time} seconds;
	 * times must increase (a frame not after the previous one is shown 1 ms after it).
	 */
	public void write(final byte[] rgbPixels, final double time) throws IOException {
		if (closed) throw new IOException("The video is closed: " + file);
		if (rgbPixels.length != inWidth * inHeight * 3) throw new IllegalArgumentException("Expected a " + inWidth + "x"
			+ inHeight + " RGB frame");
		rgb.position(0).put(rgbPixels);
		sws = swscale.sws_getCachedContext(sws, inWidth, inHeight, avutil.AV_PIX_FMT_RGB24, width, height,
			avutil.AV_PIX_FMT_YUV420P, swscale.SWS_BILINEAR, null, null, (DoublePointer) null);
		avutil.av_frame_make_writable(frame);
		swscale.sws_scale(sws, rgbPlanes, rgbStride, 0, inHeight, frame.data(), frame.linesize());
		long pts = Math.round(time * 1000);
		if (pts <= lastPts) pts = lastPts + 1;
		if (lastPts != Long.MIN_VALUE) step = pts - lastPts;
		lastPts = pts;
		frame.pts(pts);
		encode(frame);
		frames++;
	}

	private void encode(final AVFrame f) throws IOException {
		int r = avcodec.avcodec_send_frame(codec, f);
		if (r < 0) throw new IOException("The " + encoder + " encoder failed on " + file + " (" + FFmpeg.error(r)
			+ ")");
		while (true) {
			r = avcodec.avcodec_receive_packet(codec, packet);
			if (r == -EAGAIN || r == avutil.AVERROR_EOF) return;
			if (r < 0) throw new IOException("The " + encoder + " encoder failed on " + file + " (" + FFmpeg.error(r)
				+ ")");
			if (packet.duration() <= 0) packet.duration(step);
			avcodec.av_packet_rescale_ts(packet, codec.time_base(), stream.time_base());
			packet.stream_index(stream.index());
			r = avformat.av_interleaved_write_frame(format, packet);
			avcodec.av_packet_unref(packet);
			if (r < 0) throw new IOException("Cannot write " + file + " (" + FFmpeg.error(r) + ")");
		}
	}

	/**
	 * Flushes the encoder, finishes the file and moves it onto the target (idempotent). If finishing
	 * fails, the temporary file is deleted; if the target appeared meanwhile and overwrite is off,
	 * the finished video is kept in the temporary file (the exception names both).
	 */
	@Override
	public void close() throws IOException {
		if (closed) return;
		closed = true;
		boolean finished = false;
		try {
			encode(null);
			final int r = avformat.av_write_trailer(format);
			if (r < 0) throw new IOException("Cannot finish " + file + " (" + FFmpeg.error(r) + ")");
			finished = true;
		}
		finally {
			release();
			if (!finished) AtomicFiles.deleteQuietly(temp);
		}
		AtomicFiles.moveIntoPlace(temp, file, overwrite);
	}

	/** Stops writing and deletes the temporary file: the target is left as it was (idempotent). */
	public void discard() {
		if (closed) return;
		closed = true;
		release();
		AtomicFiles.deleteQuietly(temp);
	}

	/** The temporary file the video is written to until {@link #close()} moves it onto {@link #file()}. */
	public Path temporaryFile() { return temp; }

	private void release() {
		if (codec != null) avcodec.avcodec_free_context(codec);
		codec = null;
		if (format != null && !format.isNull()) {
			if (format.pb() != null && !format.pb().isNull()) avformat.avio_closep(format.pb());
			avformat.avformat_free_context(format);
		}
		format = null;
		if (sws != null) swscale.sws_freeContext(sws);
		sws = null;
		if (frame != null) avutil.av_frame_free(frame);
		frame = null;
		if (!packet.isNull()) avcodec.av_packet_free(packet);
		if (rgb != null) avutil.av_free(rgb);
		rgb = null;
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "%s (%s, %dx%d, %d frames)", file, encoder, width, height, frames);
	}
}
