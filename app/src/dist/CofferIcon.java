import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.GlyphVector;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * Draws the app image's icon, {@code coffer.png} beside this file: a gold coin marked with a C on a
 * teal tile. Not part of the build; run it again after changing the drawing:
 * {@code java -Djava.awt.headless=true app/src/dist/CofferIcon.java app/src/dist/coffer.png}
 */
public final class CofferIcon {
    private static final int SIZE = 256;

    public static void main(String[] args) throws IOException {
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);

        // the tile
        g.setPaint(new GradientPaint(0, 0, new Color(0x1f, 0x7a, 0x72), 0, SIZE, new Color(0x0d, 0x3b, 0x44)));
        g.fill(new RoundRectangle2D.Double(8, 8, SIZE - 16, SIZE - 16, 56, 56));

        // the coin's shadow, rim and face
        g.setColor(new Color(0, 0, 0, 70));
        g.fill(new Ellipse2D.Double(48, 54, 168, 168));
        g.setPaint(new GradientPaint(0, 40, new Color(0xff, 0xd8, 0x6b), 0, 208, new Color(0xc8, 0x8a, 0x12)));
        g.fill(new Ellipse2D.Double(44, 44, 168, 168));
        g.setPaint(new GradientPaint(0, 60, new Color(0xf6, 0xc2, 0x3e), 0, 196, new Color(0xe0, 0xa1, 0x20)));
        g.fill(new Ellipse2D.Double(60, 60, 136, 136));
        g.setStroke(new BasicStroke(4f));
        g.setColor(new Color(0xa8, 0x6f, 0x0c));
        g.draw(new Ellipse2D.Double(60, 60, 136, 136));

        // the C, centred on the coin
        Font font = new Font(Font.SANS_SERIF, Font.BOLD, 112);
        GlyphVector glyph = font.createGlyphVector(g.getFontRenderContext(), "C");
        Rectangle2D bounds = glyph.getVisualBounds();
        float x = (float) (128 - bounds.getCenterX());
        float y = (float) (128 - bounds.getCenterY());
        g.setColor(new Color(0x8a, 0x5a, 0x08));
        g.fill(glyph.getOutline(x + 3, y + 3));
        g.setColor(new Color(0xff, 0xf4, 0xd0));
        g.fill(glyph.getOutline(x, y));
        g.dispose();

        File out = new File(args.length > 0 ? args[0] : "coffer.png");
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("no PNG writer");
        }
        System.out.println("wrote " + out);
    }
}
