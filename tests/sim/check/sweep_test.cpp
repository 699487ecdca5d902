// SPDX-License-Identifier: Apache-2.0
#include "sim/check/sweep.h"

#include <gtest/gtest.h>

#include <sstream>

#include "sim/check/sweep_plot.h"

namespace sim::app {
namespace {

TEST(Sweep, ParsesAKeyAndItsValues) {
  const SweepParam p = parse_sweep_param("master.apps[0].stream.count= 3, 10,100");
  EXPECT_EQ(p.key, "master.apps[0].stream.count");
  EXPECT_EQ(p.values, (std::vector<std::string>{"3", "10", "100"}));
}

TEST(Sweep, RefusesAParamWithoutKeyOrWithAnEmptyValue) {
  EXPECT_THROW(parse_sweep_param("count"), std::invalid_argument);
  EXPECT_THROW(parse_sweep_param("=1,2"), std::invalid_argument);
  EXPECT_THROW(parse_sweep_param("count=1,,2"), std::invalid_argument);
  EXPECT_THROW(parse_sweep_param("count="), std::invalid_argument);
}

TEST(Sweep, TheRemoteLogsLossesAreFiguresOfARun) {
  const nlohmann::json report = {
      {"messages", {{"sent", 200}, {"delivered", 200}}},
      {"consoles",
       {{"remote",
         {{"lines", 160}, {"log_messages", 307}, {"log_dropped", 214}, {"log_buffered", 0}}}}}};
  const std::map<std::string, double> f = report_figures(report);
  EXPECT_EQ(f.at("delivered"), 200);
  EXPECT_EQ(f.at("log_messages"), 307);
  EXPECT_EQ(f.at("log_dropped"), 214);
  EXPECT_EQ(f.at("log_buffered"), 0);
  for (const char* k : {"log_messages", "log_dropped", "log_buffered"})
    EXPECT_TRUE(is_sweep_metric(k)) << k;
  // No remote console (or printk mode): zeros, not missing columns.
  EXPECT_EQ(report_figures(nlohmann::json::object()).at("log_dropped"), 0);
}

TEST(Sweep, PointsAreTheProductWithTheLastKeyFastest) {
  const std::vector<SweepPoint> points = sweep_points({{"a", {"1", "2"}}, {"b", {"x", "y", "z"}}});
  ASSERT_EQ(points.size(), 6u);
  EXPECT_EQ(points[0], (SweepPoint{"1", "x"}));
  EXPECT_EQ(points[2], (SweepPoint{"1", "z"}));
  EXPECT_EQ(points[3], (SweepPoint{"2", "x"}));
}

TEST(Sweep, JobsSetEachPointAndSeed) {
  const std::vector<SuiteJob> jobs = sweep_jobs("s.yaml", {{"a", {"1", "2"}}}, 2, "out");
  ASSERT_EQ(jobs.size(), 4u);
  EXPECT_EQ(jobs[1].id, "a=1 seed=2");
  EXPECT_EQ(jobs[1].seed, std::optional<std::uint64_t>(2));
  EXPECT_EQ(jobs[1].args, (std::vector<std::string>{"--set", "a=1"}));
  EXPECT_EQ(jobs[1].out_dir, "out/run-0002");
  EXPECT_EQ(jobs[2].args, (std::vector<std::string>{"--set", "a=2"}));
  // Without --seeds every point runs once under the scenario's seed.
  const std::vector<SuiteJob> once = sweep_jobs("s.yaml", {{"a", {"1", "2"}}}, 0, "out");
  ASSERT_EQ(once.size(), 2u);
  EXPECT_FALSE(once[0].seed.has_value());
  EXPECT_EQ(once[0].id, "a=1");
}

SweepRun run(const std::string& a, const std::string& b, std::uint64_t seed, double dropped,
             const char* reason = nullptr) {
  SweepRun r;
  r.point = {a, b};
  r.seed = seed;
  r.result.outcome = "completed";
  r.result.exit_code = 0;
  r.result.expectations = 2;
  r.result.expectations_met = 1;
  for (const std::string& m : sweep_metric_names()) r.metrics[m] = 0;
  r.metrics["dropped"] = dropped;
  r.metrics["latency_p99_us"] = 12.5;
  if (reason != nullptr) r.metrics[std::string("drops.") + reason] = dropped;
  return r;
}

TEST(Sweep, CsvHasOneRowPerRunAndAColumnPerDropReason) {
  const std::vector<SweepParam> params = {{"count", {"3", "100"}}, {"name", {"a,b"}}};
  std::vector<SweepRun> runs = {run("3", "a,b", 1, 0), run("100", "a,b", 1, 86, "slot")};
  SweepRun failed;
  failed.point = {"100", "a,b"};
  failed.seed = 2;
  failed.result.exit_code = 3;
  runs.push_back(failed);
  const std::string csv = sweep_csv(params, runs);
  std::istringstream in(csv);
  std::string header, r1, r2, r3;
  std::getline(in, header);
  std::getline(in, r1);
  std::getline(in, r2);
  std::getline(in, r3);
  EXPECT_EQ(header.rfind("count,name,seed,outcome,expectations_met,expectations,sent,", 0), 0u)
      << header;
  EXPECT_NE(header.find(",drops.slot"), std::string::npos);
  EXPECT_EQ(r1.rfind("3,\"a,b\",1,completed,1,2,0,0,0,", 0), 0u) << r1; // value with a comma
  EXPECT_NE(r1.find(",12.5,"), std::string::npos) << r1;
  EXPECT_EQ(r1.back(), '0') << "a reason absent from a run is 0 drops";
  EXPECT_EQ(r2.substr(r2.rfind(',')), ",86");
  EXPECT_EQ(r3.rfind("100,\"a,b\",2,error,0,0,", 0), 0u) << r3; // no report: empty metrics
}

TEST(Sweep, MetricNames) {
  EXPECT_TRUE(is_sweep_metric("dropped"));
  EXPECT_TRUE(is_sweep_metric("drops.slot_overwritten"));
  EXPECT_FALSE(is_sweep_metric("drops."));
  EXPECT_FALSE(is_sweep_metric("lost"));
}

TEST(SweepPlot, OneSeriesPerMetricAndOtherValuesAveragedOverSeeds) {
  const std::vector<SweepParam> params = {{"x.count", {"3", "10"}}, {"remote.console", {"on"}}};
  const std::vector<SweepRun> runs = {run("3", "on", 1, 1), run("3", "on", 2, 3),
                                      run("10", "on", 1, 7), run("10", "on", 2, 9)};
  PlotRequest r{"p.svg", "", {"dropped", "delivered"}, false, "s"};
  std::size_t blocks = 0;
  const std::string data = plot_data(r, params, runs, blocks);
  EXPECT_EQ(blocks, 2u);
  EXPECT_EQ(data, "\"dropped (console=on)\"\n3 2\n10 8\n\n\n"
                  "\"delivered (console=on)\"\n3 0\n10 0\n");
  const std::string script = plot_script(r, params, "p.dat", blocks);
  EXPECT_NE(script.find("set terminal svg"), std::string::npos);
  EXPECT_NE(script.find("set output 'p.svg'"), std::string::npos);
  EXPECT_NE(script.find("plot for [i=0:1] 'p.dat' index i using 1:2"), std::string::npos) << script;
}

TEST(SweepPlot, NamesOnTheXAxisAreTicksInTheGivenOrder) {
  const std::vector<SweepParam> params = {{"remote.apps[0]", {"stock", "queued"}}};
  std::vector<SweepRun> runs = {run("stock", "", 1, 86), run("queued", "", 1, 0)};
  for (SweepRun& r : runs) r.point.pop_back();
  PlotRequest r{"p.png", "", {"dropped"}, true, "s"};
  std::size_t blocks = 0;
  EXPECT_EQ(plot_data(r, params, runs, blocks), "\"dropped\"\n\"stock\" 86\n\"queued\" 0\n");
  const std::string script = plot_script(r, params, "p.dat", blocks);
  EXPECT_NE(script.find("set terminal pngcairo"), std::string::npos);
  EXPECT_NE(script.find("using 0:2:xtic(1)"), std::string::npos);
  EXPECT_EQ(script.find("logscale"), std::string::npos); // names have no log scale
}

TEST(SweepPlot, RefusesAnUnknownExtensionKeyOrMetric) {
  const std::vector<SweepParam> params = {{"a", {"1"}}};
  EXPECT_THROW(validate_plot({"p.pdf", "", {"dropped"}, false, ""}, params), std::invalid_argument);
  EXPECT_THROW(validate_plot({"p.svg", "b", {"dropped"}, false, ""}, params),
               std::invalid_argument);
  EXPECT_THROW(validate_plot({"p.svg", "", {"lost"}, false, ""}, params), std::invalid_argument);
  EXPECT_NO_THROW(validate_plot({"p.svg", "a", {"drops.tx_timeout"}, false, ""}, params));
  // A folder that does not exist yet is made when the sweep starts (prepare_output_file).
  EXPECT_NO_THROW(validate_plot({"new/dir/p.svg", "", {"dropped"}, false, ""}, params));
}

} // namespace
} // namespace sim::app
