package org.emotiontracking.core.data;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.GeneralPath;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.QuadCurve2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The drawn features of one facial expression (brows, eyes, nose, mouth), in face units: origin
 * at the face centre, y downwards, 1 = half the face height; the face oval is about 0.8 wide.
 * An instance is a class prototype; {@link #vary} gives a jittered copy for one image.
 */
final class SyntheticExpression implements Cloneable {

	enum Mouth { ARC, ROUND, SNEER, SMIRK, PUCKER, TONGUE }

	/** Mouth corners up (+) or down (-): sag of the mouth centre relative to its corners, in mouth half-widths. */
	double mouthCurve;
	/** Opening of the mouth (0 closed), in face units. */
	double mouthOpen;
	/** Half the mouth width, face units. */
	double mouthWidth = 0.26;
	Mouth mouth = Mouth.ARC;
	/** Brows raised (+) or lowered (-), face units. */
	double browRaise;
	/** Inner brow ends up (+, sad/fear) or down (-, knitted: anger/disgust). */
	double browTilt;
	/** Brow arch height, face units. */
	double browArch = 0.03;
	/** Eye opening relative to neutral; 0 = closed. */
	double eyeOpen = 1;
	/** Left eye closed (a wink). */
	boolean wink;
	/** Cheek creases under the eyes (smile). */
	boolean cheeks;
	/** Wrinkles across the nose bridge (disgust). */
	boolean noseWrinkles;
	/** How far the upper lip is raised on one side (SNEER), face units. */
	double lipRaise = 0.11;
	/** Mirror asymmetric features. */
	boolean mirrored;

	/** A copy of every feature (all are numbers, flags and an enum: a field-by-field copy is complete). */
	private SyntheticExpression copy() {
		try {
			return (SyntheticExpression) super.clone();
		}
		catch (final CloneNotSupportedException e) {
			throw new AssertionError(e);
		}
	}

	/** The prototype of a built-in or extra expression name, or null if the name is not known. */
	static SyntheticExpression named(final String name) {
		final SyntheticExpression e = new SyntheticExpression();
		switch (name.trim().toLowerCase(Locale.ROOT)) {
			case "happy":
				e.mouthCurve = 0.75;
				e.mouthOpen = 0.05;
				e.mouthWidth = 0.30;
				e.cheeks = true;
				e.eyeOpen = 0.75;
				e.browRaise = 0.01;
				return e;
			case "sad":
				e.mouthCurve = -0.9;
				e.mouthWidth = 0.24;
				e.browRaise = 0.02;
				e.browTilt = 1.05;
				e.browArch = 0.0;
				e.eyeOpen = 0.8;
				return e;
			case "surprise":
				e.mouth = Mouth.ROUND;
				e.mouthOpen = 0.17;
				e.mouthWidth = 0.12;
				e.browRaise = 0.12;
				e.browArch = 0.07;
				e.eyeOpen = 1.55;
				return e;
			case "fear":
				e.mouthCurve = -0.25;
				e.mouthOpen = 0.07;
				e.mouthWidth = 0.34;
				e.browRaise = 0.08;
				e.browTilt = 0.75;
				e.browArch = 0.0;
				e.eyeOpen = 1.45;
				return e;
			case "disgust":
				e.mouth = Mouth.SNEER;
				e.mouthOpen = 0.05;
				e.mouthWidth = 0.25;
				e.noseWrinkles = true;
				e.browRaise = -0.05;
				e.browTilt = -0.55;
				e.eyeOpen = 0.6;
				return e;
			case "neutral":
				return e;
			case "unhappy":
				e.mouthCurve = -0.4;
				e.mouthWidth = 0.21;
				e.browRaise = -0.06;
				e.browTilt = -0.6;
				e.browArch = 0.01;
				return e;
			case "angry":
			case "anger":
				e.mouthCurve = -0.1;
				e.mouthWidth = 0.2;
				e.browRaise = -0.08;
				e.browTilt = -1.1;
				e.browArch = 0;
				e.eyeOpen = 1.1;
				return e;
			case "contempt":
				e.mouth = Mouth.SMIRK;
				e.mouthCurve = 0.5;
				e.browRaise = 0.0;
				e.eyeOpen = 0.85;
				return e;
			case "sleepy":
				e.eyeOpen = 0;
				e.browRaise = -0.02;
				return e;
			case "wink":
				e.wink = true;
				e.mouthCurve = 0.45;
				return e;
			case "kiss":
				e.mouth = Mouth.PUCKER;
				e.mouthWidth = 0.09;
				return e;
			case "yawn":
				e.mouth = Mouth.ROUND;
				e.mouthOpen = 0.3;
				e.mouthWidth = 0.13;
				e.eyeOpen = 0;
				e.browRaise = 0.04;
				return e;
			case "tongue":
				e.mouth = Mouth.TONGUE;
				e.mouthOpen = 0.06;
				e.mouthCurve = 0.2;
				return e;
			default:
				return null;
		}
	}

	/** Extra expressions given, in order, to class names that are neither built in nor named extras. */
	private static final List<String> EXTRAS = List.of("angry", "contempt", "sleepy", "wink", "kiss", "yawn", "tongue");

	/**
	 * Prototypes for the given class names: known names get their own expression, the others the
	 * unused extras in order, then combinations of feature levels.
	 */
	static List<SyntheticExpression> forClasses(final List<String> classNames) {
		final List<String> unusedExtras = new ArrayList<>(EXTRAS);
		for (final String name : classNames) {
			final String key = name.trim().toLowerCase(Locale.ROOT);
			unusedExtras.remove(key.equals("anger") ? "angry" : key);
		}
		final List<SyntheticExpression> result = new ArrayList<>();
		int combination = 0;
		for (final String name : classNames) {
			SyntheticExpression e = named(name);
			if (e == null && !unusedExtras.isEmpty()) e = named(unusedExtras.remove(0));
			if (e == null) e = combination(combination++);
			result.add(e);
		}
		return result;
	}

	/** The k-th combination of discrete feature levels, for classes beyond all named expressions. */
	private static SyntheticExpression combination(int k) {
		final SyntheticExpression e = new SyntheticExpression();
		final double[] curves = { 0.7, -0.7, 0 };
		final double[] tilts = { 0.9, -0.9, 0 };
		final double[] eyes = { 1.5, 0.55, 1 };
		final double[] opens = { 0.12, 0 };
		e.mouthCurve = curves[k % 3];
		k /= 3;
		e.browTilt = tilts[k % 3];
		k /= 3;
		e.eyeOpen = eyes[k % 3];
		k /= 3;
		e.mouthOpen = opens[k % 2];
		e.noseWrinkles = (k / 2) % 2 == 1;
		return e;
	}

	/** A copy with realistic per-image variation of every feature. */
	SyntheticExpression vary(final Random r) {
		final SyntheticExpression e = copy();
		e.mouthCurve += 0.1 * r.nextGaussian();
		e.mouthOpen = Math.max(0, e.mouthOpen * (1 + 0.25 * r.nextGaussian()) + 0.008 * r.nextGaussian());
		e.mouthWidth *= 1 + 0.08 * r.nextGaussian();
		e.browRaise += 0.018 * r.nextGaussian();
		e.browTilt += 0.12 * r.nextGaussian();
		e.browArch = Math.max(0, e.browArch + 0.012 * r.nextGaussian());
		final double eyeJitter = r.nextGaussian(); // drawn always, so every expression uses the same random numbers
		e.eyeOpen = e.eyeOpen == 0 ? 0 : Math.max(0.35, e.eyeOpen * (1 + 0.08 * eyeJitter));
		e.lipRaise = Math.max(0.05, e.lipRaise + 0.02 * r.nextGaussian());
		e.mirrored = r.nextBoolean();
		return e;
	}

	/** Colours of one face. */
	static final class Palette {
		Color skin, line, lips, mouthInside, brows, iris, sclera, hair, clothes;
	}

	/** Draws all features with {@code g} transformed to face units. */
	void draw(final Graphics2D g, final Palette p) {
		final double side = mirrored ? -1 : 1;
		drawBrows(g, p);
		drawEyes(g, p);
		drawNose(g, p, side);
		if (cheeks) {
			g.setColor(p.line);
			g.setStroke(stroke(0.028));
			for (final int s : new int[] { -1, 1 })
				g.draw(new QuadCurve2D.Double(s * 0.25, 0.04, s * 0.34, 0.10, s * 0.44, 0.02));
		}
		drawMouth(g, p, side);
	}

	private static BasicStroke stroke(final double w) {
		return new BasicStroke((float) w, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
	}

	private void drawBrows(final Graphics2D g, final Palette p) {
		g.setColor(p.brows);
		g.setStroke(stroke(0.055));
		for (final int s : new int[] { -1, 1 }) {
			final double inner = -0.36 - browRaise - 0.09 * browTilt;
			final double outer = -0.37 - browRaise + 0.02 * browTilt;
			final double ix = s * 0.1, ox = s * 0.5;
			g.draw(new QuadCurve2D.Double(ix, inner, s * 0.3, (inner + outer) / 2 - browArch - 0.02, ox, outer));
		}
	}

	private void drawEyes(final Graphics2D g, final Palette p) {
		final double hw = 0.13;
		for (final int s : new int[] { -1, 1 }) {
			final double cx = s * 0.3, cy = -0.18;
			final double open = wink && s < 0 ? 0 : eyeOpen;
			if (open <= 0.05) {
				// closed: a downward lid arc with lashes
				g.setColor(p.line);
				g.setStroke(stroke(0.03));
				g.draw(new QuadCurve2D.Double(cx - hw, cy, cx, cy + 0.06, cx + hw, cy));
				continue;
			}
			final double hh = 0.072 * open;
			final Path2D.Double eye = new Path2D.Double();
			eye.moveTo(cx - hw, cy);
			eye.quadTo(cx, cy - 2 * hh, cx + hw, cy);
			eye.quadTo(cx, cy + 2 * hh, cx - hw, cy);
			eye.closePath();
			g.setColor(p.sclera);
			g.fill(eye);
			final Shape clip = g.getClip();
			g.clip(eye);
			g.setColor(p.iris);
			g.fill(new Ellipse2D.Double(cx - 0.058, cy - 0.058, 0.116, 0.116));
			g.setColor(Color.BLACK);
			g.fill(new Ellipse2D.Double(cx - 0.027, cy - 0.027, 0.054, 0.054));
			g.setColor(new Color(255, 255, 255, 200));
			g.fill(new Ellipse2D.Double(cx + 0.01, cy - 0.035, 0.022, 0.022));
			g.setClip(clip);
			g.setColor(p.line);
			g.setStroke(stroke(0.028));
			g.draw(eye);
		}
	}

	private void drawNose(final Graphics2D g, final Palette p, final double side) {
		g.setColor(p.line);
		g.setStroke(stroke(0.028));
		g.draw(new QuadCurve2D.Double(0.03 * side, -0.08, 0.07 * side, 0.1, 0.02 * side, 0.15));
		g.draw(new QuadCurve2D.Double(-0.07, 0.14, 0, 0.2, 0.07, 0.14));
		if (noseWrinkles) {
			g.setStroke(stroke(0.02));
			for (int i = 0; i < 3; i++) {
				final double y = -0.12 + 0.045 * i;
				g.draw(new QuadCurve2D.Double(-0.1, y + 0.01, 0, y - 0.025, 0.1, y + 0.01));
			}
			// flared nostril creases
			g.draw(new QuadCurve2D.Double(-0.1, 0.08, -0.13, 0.15, -0.08, 0.2));
			g.draw(new QuadCurve2D.Double(0.1, 0.08, 0.13, 0.15, 0.08, 0.2));
		}
	}

	private void drawMouth(final Graphics2D g, final Palette p, final double side) {
		final double y0 = 0.45, w = mouthWidth;
		switch (mouth) {
			case ROUND: {
				final Ellipse2D.Double o = new Ellipse2D.Double(-w, y0 - mouthOpen, 2 * w, 2 * mouthOpen);
				g.setColor(p.mouthInside);
				g.fill(o);
				g.setColor(p.lips);
				g.setStroke(stroke(0.05));
				g.draw(o);
				return;
			}
			case PUCKER: {
				final Ellipse2D.Double o = new Ellipse2D.Double(-w, y0 - 0.06, 2 * w, 0.12);
				g.setColor(p.lips);
				g.fill(o);
				g.setColor(p.line);
				g.setStroke(stroke(0.02));
				g.draw(new Line2D.Double(-w * 0.6, y0, w * 0.6, y0));
				return;
			}
			case SNEER: {
				// upper lip raised on one side, lower lip flat: an asymmetric, slightly open mouth
				final double raise = lipRaise;
				final GeneralPath m = new GeneralPath();
				m.moveTo(-w * side, y0 + 0.02);
				m.quadTo(0, y0 - 0.02, w * side * 0.35, y0 - raise * 0.8);
				m.quadTo(w * side * 0.75, y0 - raise, w * side, y0 - 0.02);
				m.quadTo(0, y0 + 0.04 + mouthOpen, -w * side, y0 + 0.02);
				m.closePath();
				g.setColor(p.mouthInside);
				g.fill(m);
				g.setColor(p.lips);
				g.setStroke(stroke(0.035));
				g.draw(m);
				// nasolabial crease on the raised side
				g.setColor(p.line);
				g.setStroke(stroke(0.02));
				g.draw(new QuadCurve2D.Double(side * 0.13, 0.16, side * 0.26, 0.26, side * (w + 0.03), y0 - 0.05));
				return;
			}
			case SMIRK: {
				g.setColor(p.lips);
				g.setStroke(stroke(0.04));
				g.draw(new QuadCurve2D.Double(-w * side, y0 + 0.01, 0.2 * w * side, y0 + 0.03, w * side, y0
					- 0.1 * mouthCurve * 1.6));
				return;
			}
			default:
				break;
		}
		// ARC and TONGUE: corners at y0 - k, centre at y0 + k (k > 0: smile)
		final double k = 0.12 * mouthCurve;
		if (mouthOpen < 0.025) {
			g.setColor(p.lips);
			g.setStroke(stroke(0.05));
			g.draw(new QuadCurve2D.Double(-w, y0 - k, 0, y0 + k, w, y0 - k));
		}
		else {
			final GeneralPath m = new GeneralPath();
			m.moveTo(-w, y0 - k);
			m.quadTo(0, y0 + k - mouthOpen, w, y0 - k);
			m.quadTo(0, y0 + k + mouthOpen * (mouthCurve > 0.3 ? 2.2 : 1.2), -w, y0 - k);
			m.closePath();
			g.setColor(p.mouthInside);
			g.fill(m);
			if (mouthCurve > 0.3) {
				// teeth in an open smile
				final Shape clip = g.getClip();
				g.clip(m);
				g.setColor(new Color(245, 245, 238));
				g.fill(new Ellipse2D.Double(-w, y0 + k - mouthOpen - 0.2, 2 * w, 0.2 + mouthOpen * 0.9));
				g.setClip(clip);
			}
			g.setColor(p.lips);
			g.setStroke(stroke(0.035));
			g.draw(m);
		}
		if (mouth == Mouth.TONGUE) {
			g.setColor(new Color(205, 90, 100));
			g.fill(new Ellipse2D.Double(-0.08 + 0.04 * side, y0 + k - 0.02, 0.16, 0.16));
			g.setColor(p.line);
			g.setStroke(stroke(0.015));
			g.draw(new Ellipse2D.Double(-0.08 + 0.04 * side, y0 + k - 0.02, 0.16, 0.16));
		}
	}
}
