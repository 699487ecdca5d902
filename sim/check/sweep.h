// SPDX-License-Identifier: Apache-2.0
#pragma once
// `ipcsim sweep`: one scenario over the cartesian product of parameter values (and seeds), each
// run in its own `ipcsim run` process (suite.h), the results as CSV, a table and a plot.
// A sweep explores: a run whose expectations fail is a data point, not an error (the CSV says
// how many held); only a run that produced no report is one.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "sim/check/suite.h"

namespace sim::app {

/// `--param key=v1,v2,...`: a --set key and the values it takes, in order.
struct SweepParam {
  std::string key;
  std::vector<std::string> values;
};

/// Parses "key=v1,v2"; throws std::invalid_argument naming what is wrong.
SweepParam parse_sweep_param(const std::string& arg);

/// One point of the product: a value per parameter (in --param order).
using SweepPoint = std::vector<std::string>;

/// Every combination, the last parameter varying fastest.
std::vector<SweepPoint> sweep_points(const std::vector<SweepParam>& params);

struct SweepRun {
  SweepPoint point;
  SuiteResult result;
  std::uint64_t seed = 0;                ///< as the report says
  std::map<std::string, double> metrics; ///< sweep_metric_names() + drops.<reason>
};

/// The jobs: every point (x every seed 1..seeds when seeds > 0), outputs in out/run-NNNN.
std::vector<SuiteJob> sweep_jobs(const std::string& scenario, const std::vector<SweepParam>& params,
                                 unsigned seeds, const std::string& out);

/// The metrics every run has (drops.<reason> come on top, one per reason seen in the sweep).
const std::vector<std::string>& sweep_metric_names();
/// True for a name in sweep_metric_names() or `drops.<reason>`.
bool is_sweep_metric(const std::string& name);

/// A finished run as a sweep row: its point, and the figures the suite read from its report.
SweepRun read_sweep_run(const SweepPoint& point, const SuiteResult& result);

/// One row per run: the parameters, seed, outcome, expectations held, every metric.
std::string sweep_csv(const std::vector<SweepParam>& params, const std::vector<SweepRun>& runs);
/// The console table: parameters, seed, outcome, delivered, dropped, latency p99, findings.
std::string sweep_table(const std::vector<SweepParam>& params, const std::vector<SweepRun>& runs);

} // namespace sim::app
