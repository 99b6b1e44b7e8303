package org.jamescollectors.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

/** A horizontal bar chart of messages per second, one bar per result, drawn with Java2D. */
final class Chart {
    private static final int WIDTH = 1000;
    private static final int BAR = 26;
    private static final int GAP = 8;
    private static final int TOP = 50;
    private static final int LABEL_WIDTH = 330;
    private static final int RIGHT_MARGIN = 150;
    private static final Color POP3 = new Color(0x3b6fb6);
    private static final Color IMAP = new Color(0x2e9d6a);
    private static final Color LOCAL = new Color(0x8a6bbf);
    private static final Color LOST = new Color(0xc94b4b);

    private Chart() {
    }

    static void draw(List<Result> results, String title, Path png) throws IOException {
        int height = TOP + results.size() * (BAR + GAP) + 40;
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
                RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, height);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            g.drawString(title, 10, 28);
            double max = results.stream().mapToDouble(Result::messagesPerSecond).max().orElse(1);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            int y = TOP;
            for (Result result : results) {
                bar(g, result, y, max);
                y += BAR + GAP;
            }
            g.setColor(Color.DARK_GRAY);
            g.drawString("messages per second; red: the mailbox did not end with every message "
                + "exactly once", 10, height - 14);
        } finally {
            g.dispose();
        }
        ImageIO.write(image, "png", png.toFile());
    }

    private static void bar(Graphics2D g, Result result, int y, double max) {
        int length = (int) Math.round((WIDTH - LABEL_WIDTH - RIGHT_MARGIN)
            * result.messagesPerSecond() / max);
        g.setColor(Color.BLACK);
        g.drawString(result.protocol() + "  " + result.contender(), 10, y + BAR - 8);
        g.setColor(colour(result));
        g.fillRect(LABEL_WIDTH, y, Math.max(length, 1), BAR);
        if (result.contender().startsWith("collector")) {
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(2));
            g.drawRect(LABEL_WIDTH, y, Math.max(length, 1), BAR);
        }
        g.setColor(Color.BLACK);
        g.drawString(String.format(Locale.ROOT, "%.1f", result.messagesPerSecond()),
            LABEL_WIDTH + length + 6, y + BAR - 8);
    }

    private static Color colour(Result result) {
        if (!result.verdict().isComplete()) {
            return LOST;
        }
        if ("POP3".equals(result.protocol())) {
            return POP3;
        }
        return "IMAP".equals(result.protocol()) ? IMAP : LOCAL;
    }
}
