package io.kalamdb.bench.report;

import io.kalamdb.bench.workload.WorkloadResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries.CategorySeriesRenderStyle;
import org.knowm.xchart.style.Styler;

/**
 * The run's PNG charts (XChart): per workload, the latency distribution of every variant on both systems
 * (latency at p1 … p99.9 and max, on a log scale so the tail is readable), and for W1 the throughput of each variant side by side.
 */
public final class Charts {
    private static final int WIDTH = 1000;
    private static final int HEIGHT = 560;

    private Charts() {
    }

    /**
     * Writes {@code <prefix>-<workload>-latency.png} for each workload, and {@code <prefix>-w1-throughput.png}.
     *
     * @param dir     the output directory
     * @param prefix  the run's file prefix (its timestamp)
     * @param results the run's results
     * @return the files written, by workload in first-seen order, each as {@code [workload, file name]}
     * @throws IOException if a file cannot be written
     */
    public static List<String[]> write(Path dir, String prefix, List<WorkloadResult> results) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<String[]> files = new ArrayList<>();
        for (String workload : results.stream().map(WorkloadResult::workload).distinct().toList()) {
            List<WorkloadResult> mine = results.stream().filter(r -> r.workload().equals(workload)).toList();
            String name = prefix + "-" + workload.toLowerCase() + "-latency.png";
            BitmapEncoder.saveBitmap(latency(workload, mine), dir.resolve(name).toString(), BitmapEncoder.BitmapFormat.PNG);
            files.add(new String[] {workload, name});
            if (workload.equals("W1")) {
                String tput = prefix + "-w1-throughput.png";
                BitmapEncoder.saveBitmap(throughput(mine), dir.resolve(tput).toString(), BitmapEncoder.BitmapFormat.PNG);
                files.add(new String[] {workload, tput});
            }
        }
        return files;
    }

    private static CategoryChart latency(String workload, List<WorkloadResult> results) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title(workload + " latency distribution").xAxisTitle("percentile").yAxisTitle("latency (ms, log scale)")
                .build();
        chart.getStyler().setDefaultSeriesRenderStyle(CategorySeriesRenderStyle.Line);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        List<String> labels = new ArrayList<>();
        for (double p : WorkloadResult.PERCENTILES) {
            labels.add(p >= 100 ? "max" : "p" + (p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p)));
        }
        for (WorkloadResult r : results) {
            List<Double> y = new ArrayList<>();
            for (long nanos : r.distribution()) {
                y.add(Math.max(nanos / 1e6, 0.001));
            }
            chart.addSeries(r.system() + " · " + r.durability() + " · " + r.variant(), labels, y);
        }
        return chart;
    }

    private static CategoryChart throughput(List<WorkloadResult> results) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title("W1 insert throughput")
                .xAxisTitle("variant · durability").yAxisTitle("rows/s").build();
        chart.getStyler().setXAxisLabelRotation(20);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        List<String> categories = results.stream().map(r -> r.variant() + " · " + r.durability()).distinct().toList();
        for (String system : results.stream().map(WorkloadResult::system).distinct().toList()) {
            List<Double> values = new ArrayList<>();
            for (String category : categories) {
                values.add(results.stream().filter(r -> r.system().equals(system)
                        && (r.variant() + " · " + r.durability()).equals(category))
                        .mapToDouble(WorkloadResult::rowsPerSecond).findFirst().orElse(0));
            }
            chart.addSeries(system, categories, values);
        }
        return chart;
    }
}
