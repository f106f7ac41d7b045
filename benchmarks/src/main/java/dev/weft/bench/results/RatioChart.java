package dev.weft.bench.results;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A horizontal bar chart of time vs JDBC per workload and contender, on a logarithmic scale: bars grow from
 * JDBC's 1.0, to the right when slower and to the left when faster, with a dashed line at 1.05 (Weft's target
 * for reads). Drawn with Java2D, headless; no dependency beyond the JDK.
 */
final class RatioChart {

    private static final Map<String, Color> COLORS = Map.of(
            "weft", new Color(0x2E7D32),
            "hibernate", new Color(0xC62828),
            "hibernate-batch", new Color(0xEF6C00),
            "ebean", new Color(0x1565C0));
    private static final Color OTHER = Color.GRAY;
    private static final int BAR = 14;
    private static final int GAP = 12;
    private static final int LEFT = 230;
    private static final int RIGHT = 70;
    private static final int TOP = 50;
    private static final int WIDTH = 1000;

    private RatioChart() {
    }

    static void draw(List<Row> rows, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Map<String, List<Row>> groups = new LinkedHashMap<>();
        double max = 2;
        double min = 0.5;
        for (Row row : rows) {
            if (!row.contender().equals("jdbc") && Double.isFinite(row.timeVsJdbc()) && row.timeVsJdbc() > 0) {
                groups.computeIfAbsent(row.workload(), w -> new ArrayList<>()).add(row);
                max = Math.max(max, row.timeVsJdbc());
                min = Math.min(min, row.timeVsJdbc());
            }
        }
        double logMin = Math.floor(Math.log10(min));
        double logMax = Math.ceil(Math.log10(max * 1.2));
        int bars = groups.values().stream().mapToInt(List::size).sum();
        int height = TOP + bars * BAR + groups.size() * GAP + 80;
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, height);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
            g.drawString("Time per operation relative to hand-written JDBC (log scale; lower is faster)", LEFT, 25);
            int plotWidth = WIDTH - LEFT - RIGHT;
            int plotBottom = height - 60;
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            // grid: 1, 2, 5 x powers of ten
            for (double p = logMin; p <= logMax; p++) {
                for (double m : new double[] {1, 2, 5}) {
                    double v = m * Math.pow(10, p);
                    if (Math.log10(v) > logMax) {
                        continue;
                    }
                    int x = x(v, logMin, logMax, plotWidth);
                    g.setColor(new Color(0xE0E0E0));
                    g.drawLine(x, TOP - 5, x, plotBottom);
                    g.setColor(Color.DARK_GRAY);
                    // one significant digit, however small: 0.001, 0.002 and 0.005 are not all "0.00"
                    String label = new BigDecimal(v).round(new MathContext(1)).stripTrailingZeros().toPlainString();
                    g.drawString(label, x - g.getFontMetrics().stringWidth(label) / 2, plotBottom + 14);
                }
            }
            int y = TOP;
            FontMetrics metrics = g.getFontMetrics();
            for (Map.Entry<String, List<Row>> group : groups.entrySet()) {
                g.setColor(Color.BLACK);
                String name = group.getKey();
                int groupHeight = group.getValue().size() * BAR;
                g.drawString(name, LEFT - 8 - metrics.stringWidth(name), y + groupHeight / 2 + metrics.getAscent() / 2);
                for (Row row : group.getValue()) {
                    // bars grow from JDBC's 1.0: right when slower, left when faster
                    int one = x(1, logMin, logMax, plotWidth);
                    int end = x(row.timeVsJdbc(), logMin, logMax, plotWidth);
                    g.setColor(COLORS.getOrDefault(row.contender(), OTHER));
                    g.fillRect(Math.min(one, end), y + 1, Math.max(1, Math.abs(end - one)), BAR - 2);
                    g.setColor(Color.BLACK);
                    String value = String.format(Locale.ROOT, "%.2f", row.timeVsJdbc());
                    int textX = end >= one ? end + 4 : end - 4 - metrics.stringWidth(value);
                    g.drawString(value, textX, y + BAR - 3);
                    y += BAR;
                }
                y += GAP;
            }
            g.setStroke(new BasicStroke(1.5f));
            g.setColor(Color.BLACK);
            int one = x(1, logMin, logMax, plotWidth);
            g.drawLine(one, TOP - 8, one, plotBottom);
            g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f));
            g.setColor(new Color(0x2E7D32));
            int target = x(1.05, logMin, logMax, plotWidth);
            g.drawLine(target, TOP - 8, target, plotBottom);
            // legend
            int lx = LEFT;
            int ly = height - 25;
            for (String contender : List.of("weft", "hibernate", "hibernate-batch", "ebean")) {
                g.setColor(COLORS.get(contender));
                g.fillRect(lx, ly - 10, 12, 12);
                g.setColor(Color.BLACK);
                g.drawString(contender, lx + 16, ly);
                lx += 40 + metrics.stringWidth(contender);
            }
            g.drawString("solid line: JDBC = 1.00   dashed: 1.05", lx + 20, ly);
        } finally {
            g.dispose();
        }
        ImageIO.write(image, "png", file.toFile());
    }

    private static int x(double value, double logMin, double logMax, int plotWidth) {
        return LEFT + (int) Math.round((Math.log10(value) - logMin) / (logMax - logMin) * plotWidth);
    }
}
