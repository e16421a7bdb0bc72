package org.emotiontracking.core.video;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avcodec.AVPacketSideData;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;
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
import org.emotiontracking.core.data.RgbImage;

/**
 * Reads the frames of a video file with FFmpeg (any container and codec the build has: mp4, mov,
 * mkv, webm, avi; H.264, HEVC, VP8/VP9, MPEG-4, MJPEG, AV1), one at a time, in presentation order.
 * <p>
 * Each frame comes with its 1-based index in the stream and its presentation time (the stream's
 * timestamps, minus the file's start time), so variable frame rates are exact. The rotation of
 * the display matrix (phone videos) is applied: frames come upright, as players show them.
 * A {@link VideoSelection} picks every Nth frame between start and end; frames not picked are
 * never converted, and H.264 pictures that no other picture refers to are not even decoded when
 * they will not be picked ({@link SkippedFrames}: a third of the frames of a typical file, at
 * {@code every=5}); {@code start=} seeks (after counting the packets before it). Indices stay
 * those of a full decode.
 * <p>
 * Memory is flat: one decoded frame and one conversion buffer are reused; each returned frame is
 * a new image the caller owns. Damage: a packet the decoder rejects or a frame it conceals is
 * noted ({@link #damage()}: time and frame) and reading goes on; a read error ends the stream with
 * the frames before it kept ({@link #endMessage()} says where). Not thread-safe.
 */
public final class VideoReader implements AutoCloseable {

	/** AVFrame.flags bit of a frame with concealed errors (libavutil/frame.h). */
	private static final int AV_FRAME_FLAG_CORRUPT = 1;
	private static final int MAX_FAILURES_IN_A_ROW = 50;
	/** Colour conversion only (no scaling): swscale's fast SIMD path (accurate rounding and full chroma interpolation
	 * cost 4-5x). */
	private static final int SWS_FLAGS = swscale.SWS_BILINEAR;
	private static final int EAGAIN = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("mac") ? 35
		: 11;

	private final Path file;
	private final VideoInfo info;
	private AVFormatContext format;
	private AVCodecContext codec;
	private final AVStream stream;
	private final int streamIndex;
	/** Non-reference pictures can be told (H.264), or null. */
	private final H264Packets h264;
	private SkippedFrames skipped;
	private boolean decodeAll;
	private long leftOut;
	private final double timeBase;
	private final double startOffset;
	private final int rotation;
	private final int decodedWidth;
	private final int decodedHeight;
	private final AVFrame frame = avutil.av_frame_alloc();
	private final AVPacket packet = avcodec.av_packet_alloc();
	private final BytePointer rgb;
	private final PointerPointer<BytePointer> rgbPlanes;
	private final IntPointer rgbStride;
	private SwsContext sws;

	private VideoSelection selection = VideoSelection.ALL;
	private boolean started;
	private boolean flushing;
	private boolean ended;
	private long decoded; // frames of the stream decoded (or counted) so far, presentation order
	private long selectedCount; // frames at or after start so far
	private double lastTime = Double.NaN;
	private double lastPacketTime = Double.NaN;
	private String damage;
	private int damagedFrames;
	private String endMessage;
	private int failuresInARow;

	private VideoReader(final Path file, final AVFormatContext format, final AVCodecContext codec,
		final AVStream stream, final VideoInfo info, final int rotation)
	{
		this.file = file;
		this.format = format;
		this.codec = codec;
		this.stream = stream;
		this.streamIndex = stream.index();
		this.h264 = stream.codecpar().codec_id() == avcodec.AV_CODEC_ID_H264 ? H264Packets.of(extradata(stream
			.codecpar())) : null;
		this.info = info;
		this.rotation = rotation;
		this.timeBase = avutil.av_q2d(stream.time_base());
		this.startOffset = format.start_time() == avutil.AV_NOPTS_VALUE ? 0
			: format.start_time() / (double) avutil.AV_TIME_BASE;
		this.decodedWidth = codec.width();
		this.decodedHeight = codec.height();
		this.rgb = new BytePointer(avutil.av_malloc((long) decodedWidth * decodedHeight * 3))
			.capacity((long) decodedWidth * decodedHeight * 3);
		this.rgbPlanes = new PointerPointer<>(4);
		rgbPlanes.put(0, rgb);
		this.rgbStride = new IntPointer(4);
		rgbStride.put(0, decodedWidth * 3);
	}

	/**
	 * Opens a video file: its first video stream (cover pictures of audio files do not count) and
	 * a decoder for it.
	 *
	 * @throws VideoFileException naming the file and what was found: missing or unreadable file,
	 *           not a media file FFmpeg recognises (or damaged beyond opening), no video stream
	 *           (e.g. audio only: the streams found are listed), a codec this build lacks
	 */
	public static VideoReader open(final Path file) throws VideoFileException {
		return open(file, AUTO_THREADS);
	}

	/** Decoder threads: as many as FFmpeg picks (frame and slice threads; the fastest decode alone). */
	public static final int AUTO_THREADS = 0;

	/**
	 * Opens a video file with a given number of decoder threads: {@link #AUTO_THREADS} for the
	 * fastest decode alone, 1 where other work shares the cores (one thread decodes with the least
	 * CPU per frame).
	 *
	 * @see #open(Path)
	 */
	public static VideoReader open(final Path file, final int decoderThreads) throws VideoFileException {
		if (!Files.exists(file)) throw new VideoFileException(file, "Video file not found");
		if (!Files.isRegularFile(file)) throw new VideoFileException(file, "Not a video file");
		if (!Files.isReadable(file)) throw new VideoFileException(file, "Video file is not readable");
		FFmpeg.ensureLoaded();
		final AVFormatContext fmt = new AVFormatContext(null);
		int r = avformat.avformat_open_input(fmt, file.toAbsolutePath().toString(), null, null);
		if (r < 0) throw new VideoFileException(file, "Not a video FFmpeg can read (" + FFmpeg.error(r) +
			"; a damaged file, or an MP4 cut short before its index was written, cannot be opened)");
		AVCodecContext ctx = null;
		try {
			r = avformat.avformat_find_stream_info(fmt, (PointerPointer<?>) null);
			if (r < 0) throw new VideoFileException(file, "Cannot read the streams of the video (" + FFmpeg.error(r)
				+ ")");
			final AVStream st = videoStream(fmt);
			final String container = FFmpeg.string(fmt.iformat().name());
			if (st == null) throw new VideoFileException(file, "No video stream (" + container + " file with "
				+ streamList(fmt) + ")");
			final AVCodecParameters par = st.codecpar();
			final String codecName = FFmpeg.codecName(par.codec_id());
			final AVCodec decoder = decoder(par.codec_id());
			if (decoder == null) {
				final String tag = fourCc(par.codec_tag());
				throw new VideoFileException(file, "This FFmpeg build has no decoder for the video codec "
					+ (par.codec_id() == avcodec.AV_CODEC_ID_NONE ? "of this file (unknown to FFmpeg, " : codecName
					+ " (") + (tag.isEmpty() ? "" : tag + ", ") + container
					+ " container); convert the video, e.g. ffmpeg -i in -c:v libx264 out.mp4");
			}
			ctx = avcodec.avcodec_alloc_context3(decoder);
			r = avcodec.avcodec_parameters_to_context(ctx, par);
			if (r < 0) throw new VideoFileException(file, "Cannot set up the " + codecName + " decoder ("
				+ FFmpeg.error(r) + ")");
			ctx.pkt_timebase(st.time_base());
			ctx.thread_count(Math.max(0, decoderThreads));
			r = avcodec.avcodec_open2(ctx, decoder, (PointerPointer<?>) null);
			if (r < 0) throw new VideoFileException(file, "Cannot open the " + codecName + " decoder ("
				+ FFmpeg.error(r) + ")");
			if (ctx.width() <= 0 || ctx.height() <= 0) throw new VideoFileException(file, "The " + codecName +
				" video stream has no frame size (damaged?)");
			final int rotation = rotation(st);
			final boolean swap = rotation == 90 || rotation == 270;
			final double fps = rate(st.avg_frame_rate()) > 0 ? rate(st.avg_frame_rate()) : rate(st.r_frame_rate());
			final double duration;
			if (st.duration() != avutil.AV_NOPTS_VALUE && st.duration() > 0)
				duration = st.duration() * avutil.av_q2d(st.time_base());
			else if (fmt.duration() > 0) duration = fmt.duration() / (double) avutil.AV_TIME_BASE;
			else duration = Double.NaN;
			final long frames = st.nb_frames() > 0 ? st.nb_frames() : -1;
			final VideoInfo info = new VideoInfo(file, container, codecName, swap ? ctx.height() : ctx.width(), swap
				? ctx.width() : ctx.height(), fps, duration, frames, rotation, creationTime(fmt));
			return new VideoReader(file, fmt, ctx, st, info, rotation);
		}
		catch (final VideoFileException | RuntimeException | Error e) {
			if (ctx != null) avcodec.avcodec_free_context(ctx);
			avformat.avformat_close_input(fmt);
			throw e;
		}
	}

	private static AVStream videoStream(final AVFormatContext fmt) {
		final int best = avformat.av_find_best_stream(fmt, avutil.AVMEDIA_TYPE_VIDEO, -1, -1, (PointerPointer<?>) null,
			0);
		if (best >= 0 && usable(fmt.streams(best))) return fmt.streams(best);
		for (int i = 0; i < fmt.nb_streams(); i++) if (usable(fmt.streams(i))) return fmt.streams(i);
		return null;
	}

	private static boolean usable(final AVStream st) {
		return st.codecpar().codec_type() == avutil.AVMEDIA_TYPE_VIDEO
			&& (st.disposition() & avformat.AV_DISPOSITION_ATTACHED_PIC) == 0;
	}

	/** "1 audio stream (mp3)", "no streams", ... */
	private static String streamList(final AVFormatContext fmt) {
		if (fmt.nb_streams() == 0) return "no streams";
		final List<String> parts = new ArrayList<>();
		for (int i = 0; i < fmt.nb_streams(); i++) {
			final AVStream st = fmt.streams(i);
			final int type = st.codecpar().codec_type();
			parts.add(streamKind(type) + " (" + FFmpeg.codecName(st.codecpar().codec_id()) + ")");
		}
		return "only " + String.join(", ", parts) + (parts.size() == 1 ? " stream" : " streams");
	}

	/** "FourCC LAB9" for a printable codec tag, else "". */
	static String fourCc(final int tag) {
		final StringBuilder sb = new StringBuilder();
		for (int i = 0; i < 4; i++) {
			final int c = tag >> 8 * i & 0xff;
			if (c < 0x20 || c > 0x7e) return "";
			sb.append((char) c);
		}
		return "FourCC " + sb.toString().trim();
	}

	/** The decoder for a codec: for AV1 the software decoders first (FFmpeg's own needs hardware). */
	private static AVCodec decoder(final int codecId) {
		if (codecId == avcodec.AV_CODEC_ID_AV1) {
			for (final String name : new String[] { "libdav1d", "libaom-av1" }) {
				final AVCodec c = avcodec.avcodec_find_decoder_by_name(name);
				if (c != null && !c.isNull()) return c;
			}
		}
		final AVCodec c = avcodec.avcodec_find_decoder(codecId);
		return c == null || c.isNull() ? null : c;
	}

	/** Clockwise rotation (0, 90, 180, 270) that shows the frames upright, from the display matrix. */
	private static int rotation(final AVStream st) {
		final AVCodecParameters par = st.codecpar();
		final AVPacketSideData sd = avcodec.av_packet_side_data_get(par.coded_side_data(), par.nb_coded_side_data(),
			avcodec.AV_PKT_DATA_DISPLAYMATRIX);
		if (sd == null || sd.isNull() || sd.size() < 36) return 0;
		final double counterClockwise = avutil.av_display_rotation_get(new IntPointer(sd.data()));
		if (Double.isNaN(counterClockwise)) return 0;
		return normalizeRotation(-counterClockwise);
	}

	/** Degrees to the nearest multiple of 90 in [0, 360). */
	static int normalizeRotation(final double degrees) {
		final long quarter = Math.round(degrees / 90);
		return (int) Math.floorMod(quarter, 4L) * 90;
	}

	private static double rate(final AVRational r) {
		return r == null || r.den() == 0 || r.num() <= 0 ? 0 : r.num() / (double) r.den();
	}

	private static Instant creationTime(final AVFormatContext fmt) {
		final AVDictionaryEntry e = avutil.av_dict_get(fmt.metadata(), "creation_time", null, 0);
		if (e == null || e.isNull()) return null;
		try {
			return Instant.parse(e.value().getString().trim());
		}
		catch (final RuntimeException ex) {
			return null;
		}
	}

	/** What the file holds. */
	public VideoInfo info() { return info; }

	public Path file() { return file; }

	/**
	 * Sets which frames {@link #next()} returns; call before the first {@link #next()}.
	 */
	public VideoReader select(final VideoSelection s) {
		if (started) throw new IllegalStateException("Select frames before reading");
		selection = s == null ? VideoSelection.ALL : s;
		return this;
	}

	public VideoSelection selection() { return selection; }

	/**
	 * Decodes every frame, also the non-reference pictures the selection will not pick (e.g. to
	 * measure decoding); call before the first {@link #next()}.
	 */
	public VideoReader decodeAll() {
		if (started) throw new IllegalStateException("Choose before reading");
		decodeAll = true;
		return this;
	}

	/**
	 * The next selected frame, or null at the end of the stream (or of the selection, or after a
	 * read error: {@link #endMessage()} says which).
	 *
	 * @throws IOException only if seeking to {@code start} fails
	 */
	public Frame next() throws IOException {
		if (ended) return null;
		if (!started) {
			started = true;
			if (selection.start() > 0) seekToStart(selection.start());
			if (h264 != null && selection.every() > 1 && !decodeAll) skipped = new SkippedFrames(selection.every());
		}
		while (true) {
			final int r = avcodec.avcodec_receive_frame(codec, frame);
			if (r == 0) {
				failuresInARow = 0;
				final Frame f = take();
				avutil.av_frame_unref(frame);
				if (f != null) return f;
				if (ended) return null;
				continue;
			}
			if (r == avutil.AVERROR_EOF) return end(null);
			if (r != -EAGAIN) {
				// a damaged packet: note it and go on, as FFmpeg's own tools do (a stuck decoder ends the stream)
				noteDamage(lastTime, FFmpeg.error(r));
				if (++failuresInARow > MAX_FAILURES_IN_A_ROW) return end(String.format(Locale.ROOT,
					"video %s: the decoder failed after %s (%s); the frames before were kept", file.getFileName(),
					position(), FFmpeg.error(r)));
				continue;
			}
			if (flushing) return end(null);
			readPacket();
		}
	}

	/** Reads one packet of the video stream into the decoder (or starts flushing at the end). */
	private void readPacket() {
		while (true) {
			final int r = avformat.av_read_frame(format, packet);
			if (r < 0) {
				if (r != avutil.AVERROR_EOF) endMessage = String.format(Locale.ROOT,
					"video %s: reading stopped after %s: %s (damaged or " +
					"truncated file; the frames before were kept)", file.getFileName(), position(), FFmpeg.error(r));
				avcodec.avcodec_send_packet(codec, null);
				flushing = true;
				return;
			}
			try {
				if (packet.stream_index() != streamIndex) continue;
				final long ts = packet.pts() != avutil.AV_NOPTS_VALUE ? packet.pts() : packet.dts();
				if (ts != avutil.AV_NOPTS_VALUE) lastPacketTime = ts * timeBase - startOffset;
				if (leaveOut()) continue;
				final int s = avcodec.avcodec_send_packet(codec, packet);
				if (s < 0 && s != -EAGAIN) noteDamage(Double.isNaN(lastPacketTime) ? lastTime : lastPacketTime,
					FFmpeg.error(s));
				return;
			}
			finally {
				avcodec.av_packet_unref(packet);
			}
		}
	}

	/**
	 * Whether the packet read is a non-reference picture the selection will not pick (it is then
	 * not decoded); notes the packets at or after start that go to the decoder.
	 */
	private boolean leaveOut() {
		if (skipped == null || packet.pts() == avutil.AV_NOPTS_VALUE) return false;
		final long pts = packet.pts();
		final double time = pts * timeBase - startOffset;
		if (time < selection.start() - 1e-9 || !selection.beforeEnd(time)) return false;
		if (skipped.mayLeaveOut(pts, selectedCount) && h264.nonReference(packet.data(), packet.size())) {
			skipped.leftOut(pts);
			leftOut++;
			return true;
		}
		skipped.sent(pts);
		return false;
	}

	private static byte[] extradata(final AVCodecParameters par) {
		if (par.extradata() == null || par.extradata().isNull() || par.extradata_size() <= 0) return null;
		final byte[] b = new byte[par.extradata_size()];
		par.extradata().position(0).get(b);
		return b;
	}

	/** The decoded frame as a selected {@link Frame}, or null if it is not selected. */
	private Frame take() {
		long ts = frame.best_effort_timestamp();
		if (ts == avutil.AV_NOPTS_VALUE) ts = frame.pts();
		final double time;
		if (ts != avutil.AV_NOPTS_VALUE) time = ts * timeBase - startOffset;
		else if (Double.isNaN(lastTime)) time = 0;
		else time = lastTime + (info.fps() > 0 ? 1 / info.fps() : 0);
		// before start (after seeking back to a key frame)
		if (selection.start() > 0 && time < selection.start() - 1e-9) return null;
		if (skipped != null) countLeftOut(skipped.before(frame.pts() != avutil.AV_NOPTS_VALUE ? frame.pts() : ts,
			selectedCount));
		decoded++;
		lastTime = time;
		if ((frame.flags() & AV_FRAME_FLAG_CORRUPT) != 0 || frame.decode_error_flags() != 0) noteDamage(time,
			"concealed decoding errors");
		if (!selection.beforeEnd(time)) {
			end(String.format(Locale.ROOT, "video %s: end= %.3f s reached (%d frames)", file.getFileName(),
				selection.end(), decoded - 1));
			return null;
		}
		final long k = selectedCount++;
		if (k % selection.every() != 0) return null;
		return new Frame(convert(), decoded, timestamp(time), time, System.nanoTime());
	}

	/** The wall-clock instant of the frame at {@code time}: the recording's creation time plus it, else now. */
	private Instant timestamp(final double time) {
		final Instant created = info.creationTime();
		return created != null ? created.plusNanos(Math.round(time * 1e9)) : Instant.now();
	}

	private RgbImage convert() {
		sws = swscale.sws_getCachedContext(sws, frame.width(), frame.height(), frame.format(), decodedWidth,
			decodedHeight, avutil.AV_PIX_FMT_RGB24, SWS_FLAGS, null, null, (DoublePointer) null);
		if (sws == null || sws.isNull()) throw new IllegalStateException("FFmpeg cannot convert " + FFmpeg.string(avutil
			.av_get_pix_fmt_name(frame.format())) + " frames of " + file + " to RGB");
		swscale.sws_scale(sws, frame.data(), frame.linesize(), 0, frame.height(), rgbPlanes, rgbStride);
		final byte[] px = new byte[decodedWidth * decodedHeight * 3];
		rgb.position(0).get(px);
		return Rotation.rotate(new RgbImage(decodedWidth, decodedHeight, px), rotation);
	}

	/**
	 * Positions the stream so that the next frame is the first at or after {@code seconds}: counts
	 * the video packets before it (a cheap pass without decoding, so indices stay exact), then
	 * seeks back to the key frame before it.
	 */
	private void seekToStart(final double seconds) throws IOException {
		long before = 0;
		while (true) {
			final int r = avformat.av_read_frame(format, packet);
			if (r < 0) break;
			try {
				if (packet.stream_index() != streamIndex) continue;
				final long pts = packet.pts() != avutil.AV_NOPTS_VALUE ? packet.pts() : packet.dts();
				final long dts = packet.dts() != avutil.AV_NOPTS_VALUE ? packet.dts() : pts;
				if (pts != avutil.AV_NOPTS_VALUE && pts * timeBase - startOffset < seconds - 1e-9) before++;
				// later packets are later
				if (dts != avutil.AV_NOPTS_VALUE && dts * timeBase - startOffset >= seconds + 1) break;
			}
			finally {
				avcodec.av_packet_unref(packet);
			}
		}
		final long target = (long) Math.floor((seconds + startOffset) / timeBase);
		int r = avformat.av_seek_frame(format, streamIndex, target, avformat.AVSEEK_FLAG_BACKWARD);
		if (r < 0) r = avformat.av_seek_frame(format, streamIndex, Math.max(0, stream.start_time()),
			avformat.AVSEEK_FLAG_BACKWARD);
		if (r < 0) throw new VideoFileException(file, "Cannot seek to start=" + seconds + " s (" + FFmpeg.error(r)
			+ ")");
		avcodec.avcodec_flush_buffers(codec);
		decoded = before;
	}

	private void noteDamage(final double time, final String what) {
		damagedFrames++;
		if (damage == null) damage = String.format(Locale.ROOT, "damaged at %.3f s (frame %d): %s", Double.isNaN(time)
			? 0 : time, decoded + 1, what);
	}

	/** Counts frames left out of the decoder, in their places in the stream. */
	private void countLeftOut(final int n) {
		decoded += n;
		selectedCount += n;
	}

	private Frame end(final String message) {
		if (!ended && skipped != null) countLeftOut(skipped.rest(selectedCount));
		ended = true;
		if (message != null && endMessage == null) endMessage = message;
		if (endMessage == null) {
			endMessage = String.format(Locale.ROOT, "end of video %s (%d frames%s)", file.getFileName(), decoded,
				Double.isNaN(lastTime) ? "" : String.format(Locale.ROOT, ", last at %.3f s", lastTime));
			if (info.frameCount() > 0 && decoded < info.frameCount() && selection.end() == 0) endMessage =
				String.format(Locale.ROOT,
				"video %s ended after %d of %d frames, at %.3f s (truncated?)", file.getFileName(), decoded,
				info.frameCount(), Double.isNaN(lastTime) ? 0 : lastTime);
		}
		if (framesMisplaced() > 0 && !endMessage.contains("not decoded")) endMessage += String.format(Locale.ROOT,
			"; %d frames every=%d would have picked were not decoded (non-reference pictures whose place "
			+ "came out later than read: an unusual encoder), so frames are no longer left out", framesMisplaced(),
			selection.every());
		return null;
	}

	private String position() {
		return Double.isNaN(lastTime) ? "the start" : String.format(Locale.ROOT, "frame %d at %.3f s", decoded,
			lastTime);
	}

	/** Whether reading stopped early on a read or decoder error (the frames before were kept). */
	public boolean truncated() {
		return ended && endMessage != null && (endMessage.contains(": reading stopped")
			|| endMessage.contains(": the decoder failed") || endMessage.contains("(truncated?)"));
	}

	/** The first damage found (time, frame, what), or null if none. */
	public String damage() { return damage; }

	/** Packets rejected and frames concealed by the decoder so far. */
	public int damagedFrames() { return damagedFrames; }

	/** Why reading ended (after {@link #next()} returned null). */
	public String endMessage() {
		return endMessage != null ? endMessage : "video " + file.getFileName() + " not finished";
	}

	/** Frames of the stream decoded so far (including those not selected), or counted without decoding. */
	public long framesDecoded() { return decoded; }

	/** Frames counted but never decoded (non-reference pictures the selection did not pick). */
	public long framesLeftOut() { return leftOut; }

	/** Frames left out that the selection would have picked (0 for the encoders known; then none is left out). */
	public int framesMisplaced() { return skipped == null ? 0 : skipped.misplaced(); }

	@Override
	public void close() {
		if (format == null) return;
		if (sws != null) swscale.sws_freeContext(sws);
		sws = null;
		avcodec.avcodec_free_context(codec);
		codec = null;
		avformat.avformat_close_input(format);
		format = null;
		avutil.av_frame_free(frame);
		avcodec.av_packet_free(packet);
		avutil.av_free(rgb);
		rgbPlanes.close();
		rgbStride.close();
	}

	@Override
	public String toString() {
		return info.description();
	}

	/** What a stream other than the decoded video is, for messages. */
	private static String streamKind(final int type) {
		if (type == avutil.AVMEDIA_TYPE_AUDIO) return "audio";
		if (type == avutil.AVMEDIA_TYPE_SUBTITLE) return "subtitle";
		if (type == avutil.AVMEDIA_TYPE_VIDEO) return "cover picture";
		if (type == avutil.AVMEDIA_TYPE_DATA) return "data";
		return "other";
	}
}
