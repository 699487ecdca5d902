// SPDX-License-Identifier: Apache-2.0
#include "sim/check/sweep_plot.h"

#include "sim/artefacts/run_tool.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>

namespace sim::app {
namespace {

namespace fs = std::filesystem;

std::size_t x_index(const PlotRequest& r, const std::vector<SweepParam>& params) {
  if (r.x.empty()) return 0;
  for (std::size_t i = 0; i < params.size(); ++i)
    if (params[i].key == r.x) return i;
  throw std::invalid_argument("--x " + r.x + ": not one of the swept keys");
}

bool all_numeric(const std::vector<std::string>& values) {
  for (const std::string& v : values) {
    char* end = nullptr;
    std::strtod(v.c_str(), &end);
    if (end == v.c_str() || *end != '\0') return false;
  }
  return true;
}

/// A key's last component: `master.apps[0].stream.count` -> `count`.
std::string short_key(const std::string& key) {
  const auto dot = key.rfind('.');
  return dot == std::string::npos ? key : key.substr(dot + 1);
}

/// A gnuplot single-quoted string.
std::string gp_string(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

std::string extension(const std::string& file) {
  return fs::path(file).extension().string();
}

} // namespace

void validate_plot(const PlotRequest& r, const std::vector<SweepParam>& params) {
  const std::string ext = extension(r.file);
  if (ext != ".svg" && ext != ".png")
    throw std::invalid_argument("--plot " + r.file + ": the file must end in .svg or .png");
  x_index(r, params);
  if (r.metrics.empty()) throw std::invalid_argument("--metrics: name at least one metric");
  for (const std::string& m : r.metrics) {
    if (is_sweep_metric(m)) continue;
    std::string known;
    for (const std::string& n : sweep_metric_names()) known += (known.empty() ? "" : ", ") + n;
    throw std::invalid_argument("--metrics " + m + ": not a metric (" + known +
                                ", or drops.<reason>)");
  }
}

std::string plot_data(const PlotRequest& r, const std::vector<SweepParam>& params,
                      const std::vector<SweepRun>& runs, std::size_t& blocks) {
  const std::size_t xi = x_index(r, params);
  const bool numeric = all_numeric(params[xi].values);
  // The other parameters' combinations, in the order the sweep ran them.
  std::vector<SweepPoint> others;
  for (const SweepRun& run : runs) {
    SweepPoint o = run.point;
    o.erase(o.begin() + static_cast<std::ptrdiff_t>(xi));
    if (std::find(others.begin(), others.end(), o) == others.end()) others.push_back(o);
  }
  std::ostringstream os;
  blocks = 0;
  for (const std::string& metric : r.metrics) {
    for (const SweepPoint& other : others) {
      std::string title = metric;
      if (!other.empty()) {
        title += " (";
        std::size_t k = 0;
        for (std::size_t i = 0; i < params.size(); ++i) {
          if (i == xi) continue;
          title += (k == 0 ? "" : ", ") + short_key(params[i].key) + "=" + other[k];
          ++k;
        }
        title += ")";
      }
      if (blocks > 0) os << "\n\n";
      os << "\"" << title << "\"\n";
      for (const std::string& x : params[xi].values) {
        double sum = 0;
        unsigned n = 0;
        for (const SweepRun& run : runs) {
          SweepPoint o = run.point;
          o.erase(o.begin() + static_cast<std::ptrdiff_t>(xi));
          if (run.point[xi] != x || o != other || run.metrics.empty()) continue;
          auto it = run.metrics.find(metric);
          sum += it == run.metrics.end() ? 0.0 : it->second; // an absent drop reason: none
          ++n;
        }
        if (n == 0) continue; // no run produced a report for this point
        // Numbers as numbers (placed by value); names quoted (ticks).
        os << (numeric ? x : "\"" + x + "\"") << " " << sum / n << "\n";
      }
      ++blocks;
    }
  }
  return os.str();
}

std::string plot_script(const PlotRequest& r, const std::vector<SweepParam>& params,
                        const std::string& data_file, std::size_t blocks) {
  const std::size_t xi = x_index(r, params);
  const bool numeric = all_numeric(params[xi].values);
  std::ostringstream os;
  if (extension(r.file) == ".svg")
    os << "set terminal svg size 900,540 dynamic noenhanced font 'sans,12' background '#ffffff'\n";
  else
    os << "set terminal pngcairo size 900,540 noenhanced font 'sans,11'\n";
  os << "set output " << gp_string(r.file) << "\n";
  std::string metrics;
  for (const std::string& m : r.metrics) metrics += (metrics.empty() ? "" : ", ") + m;
  os << "set title " << gp_string(r.title + ": " + metrics + " against " + params[xi].key) << "\n";
  os << "set xlabel " << gp_string(params[xi].key) << "\n";
  os << "set ylabel " << gp_string(metrics) << "\n";
  os << "set grid\nset key below\nset yrange [0:*]\n";
  if (r.logx && numeric) os << "set logscale x\n";
  // Numbers are placed by value; other values (names) side by side in the order given.
  const std::string columns = numeric ? "1:2" : "0:2:xtic(1)";
  os << "plot for [i=0:" << (blocks == 0 ? 0 : blocks - 1) << "] " << gp_string(data_file)
     << " index i using " << columns << " with linespoints pointsize 1.2 title columnheader(1)\n";
  return os.str();
}

std::string draw_plot(const PlotRequest& r, const std::vector<SweepParam>& params,
                      const std::vector<SweepRun>& runs) {
  fs::path data = fs::path(r.file).replace_extension(".dat");
  fs::path script = fs::path(r.file).replace_extension(".gp");
  fs::path log = fs::path(r.file).replace_extension(".gnuplot.log");
  std::size_t blocks = 0;
  const std::string data_text = plot_data(r, params, runs, blocks);
  if (blocks == 0) return "nothing to plot";
  std::ofstream data_out(data), script_out(script);
  if (!(data_out << data_text) || !(script_out << plot_script(r, params, data.string(), blocks)))
    return "cannot write " + data.string() + " and " + script.string();
  data_out.close();
  script_out.close();

  const artefacts::ToolRun gnuplot =
      artefacts::run_tool({"gnuplot", script.string()}, log.string());
  std::error_code ec;
  fs::remove(log, ec); // what it said is in gnuplot.errors
  if (!gnuplot.started)
    return "cannot run gnuplot (" + gnuplot.start_error +
           "); it is Debian's gnuplot-nox, which scripts/setup installs. The data and script are " +
           data.string() + " and " + script.string();
  if (!gnuplot.ok()) return "gnuplot failed on " + script.string() + ":\n" + gnuplot.errors;
  return "";
}

} // namespace sim::app
