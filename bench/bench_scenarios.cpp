// SPDX-License-Identifier: Apache-2.0
// Whole-run targets (DESIGN §9), each run as users run it: a fresh `ipcsim run` process (one
// simulation per process), timed from process start to verdict.
//   client_sample_3    < 0.3 s
//   client_sample_100  < 1 s
//   stream of 10 000   >= 20 000 simulated messages per wall second (sanitizer on, the default)
//   sanitizer overhead on that stream: wall time on / off <= 1.5
// Prints the figure, the target and their ratio (>= 1 meets the target).
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

namespace {

struct Run {
  double wall_s = 0;
  std::uint64_t messages = 0;
  bool ok = false;
};

Run run_scenario(const std::string& scenario, const std::string& extra = "") {
  static int runs = 0;
  const std::string out = std::string(IPCSIM_BENCH_OUT) + "/run" + std::to_string(++runs);
  const std::string cmd = std::string(IPCSIM_BINARY) + " run " + scenario + " " + extra +
                          " --out " + out + " > /dev/null";
  const auto start = std::chrono::steady_clock::now();
  const int rc = std::system(cmd.c_str());
  Run r;
  r.wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  r.ok = rc == 0;
  std::ifstream in(out + "/report.json");
  if (in) {
    nlohmann::json report = nlohmann::json::parse(in, nullptr, false);
    if (!report.is_discarded()) r.messages = report["messages"]["sent"].get<std::uint64_t>();
  }
  return r;
}

// `target_s`: the run must finish within it; `target_rate`: messages per wall second, if set.
void BM_Scenario(benchmark::State& state, const std::string& file, double target_s,
                 double target_rate) {
  const std::string scenario = std::string(IPCSIM_SOURCE_DIR) + "/" + file;
  Run last;
  for (auto _ : state) {
    last = run_scenario(scenario);
    state.SetIterationTime(last.wall_s);
    if (!last.ok) state.SkipWithError("ipcsim run failed or missed its expectations");
  }
  state.counters["messages"] = static_cast<double>(last.messages);
  if (target_rate > 0) {
    const double rate = static_cast<double>(last.messages) / last.wall_s;
    state.counters["msgs_per_wall_s"] = rate;
    state.counters["target_msgs_per_s"] = target_rate;
    state.counters["ratio"] = rate / target_rate;
  } else {
    state.counters["target_s"] = target_s;
    state.counters["ratio"] = target_s / last.wall_s;
  }
}

BENCHMARK_CAPTURE(BM_Scenario, client_sample_3, "scenarios/basic/client_sample_3.yaml", 0.3, 0)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(5);
BENCHMARK_CAPTURE(BM_Scenario, client_sample_100, "scenarios/basic/client_sample_100.yaml", 1.0, 0)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3);
BENCHMARK_CAPTURE(BM_Scenario, stream_10000, "bench/scenarios/stream_10000.yaml", 0, 20000)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(2);

// The same stream with the sanitizer off and on: both rates and the overhead (target <= 1.5x).
void BM_SanitizerOverhead(benchmark::State& state) {
  const std::string scenario =
      std::string(IPCSIM_SOURCE_DIR) + "/bench/scenarios/stream_10000.yaml";
  Run off, on;
  for (auto _ : state) {
    off = run_scenario(scenario, "--no-sanitizer");
    on = run_scenario(scenario);
    state.SetIterationTime(on.wall_s);
    if (!off.ok || !on.ok) state.SkipWithError("ipcsim run failed or missed its expectations");
  }
  const double overhead = on.wall_s / off.wall_s;
  state.counters["msgs_per_wall_s_off"] = static_cast<double>(off.messages) / off.wall_s;
  state.counters["msgs_per_wall_s_on"] = static_cast<double>(on.messages) / on.wall_s;
  state.counters["overhead"] = overhead;
  state.counters["target_overhead"] = 1.5;
  state.counters["ratio"] = 1.5 / overhead;
}
BENCHMARK(BM_SanitizerOverhead)->UseManualTime()->Unit(benchmark::kMillisecond)->Iterations(2);

} // namespace

BENCHMARK_MAIN();
