package io.modelcatalog.maven;

import io.modelcatalog.report.CatalogReport;
import io.modelcatalog.report.ReportHtml;
import java.io.File;
import java.nio.file.Path;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.project.MavenProject;

/** The report goal's page through a Doxia sink: a titled section holding the core's HTML fragment. */
final class ReportPage {

    private ReportPage() {}

    static void render(Sink sink, String title, CatalogReport report) {
        sink.head();
        sink.title();
        sink.text(title);
        sink.title_();
        sink.head_();
        sink.body();
        sink.section1();
        sink.sectionTitle1();
        sink.text(title);
        sink.sectionTitle1_();
        // the fragment is escaped HTML with its own style, script and SVG, which Doxia's events cannot express
        sink.rawText(ReportHtml.fragment(report));
        sink.section1_();
        sink.body_();
    }

    /** The catalog folder as the page names it: relative to the project when inside it. */
    static String label(MavenProject project, Path folder) {
        File base = project == null ? null : project.getBasedir();
        if (base != null) {
            Path b = base.toPath().toAbsolutePath().normalize();
            Path f = folder.toAbsolutePath().normalize();
            if (f.startsWith(b) && !f.equals(b)) {
                return b.relativize(f).toString().replace(File.separatorChar, '/');
            }
        }
        return folder.getFileName() == null
                ? folder.toString()
                : folder.getFileName().toString();
    }
}
