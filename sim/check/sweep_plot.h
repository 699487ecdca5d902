// SPDX-License-Identifier: Apache-2.0
#pragma once
// `ipcsim sweep --plot FILE.svg|png`: chosen metrics against one parameter, drawn by gnuplot
// (Debian gnuplot-nox). One line per metric and per combination of the other parameters' values;
// with several seeds a point is their mean. The data (FILE.dat) and the script (FILE.gp) stay
// next to the plot, so a user can restyle it and run `gnuplot FILE.gp` again.

#include <string>
#include <vector>

#include "sim/check/sweep.h"

namespace sim::app {

struct PlotRequest {
  std::string file;                 ///< .svg or .png
  std::string x;                    ///< a swept key (default: the first)
  std::vector<std::string> metrics; ///< sweep metric names
  bool logx = false;
  std::string title; ///< the scenario's name
};

/// Throws std::invalid_argument for an unknown extension, x key or metric.
void validate_plot(const PlotRequest& request, const std::vector<SweepParam>& params);

/// The data file: one block per line drawn, its title first, then `x y` rows in x order.
std::string plot_data(const PlotRequest& request, const std::vector<SweepParam>& params,
                      const std::vector<SweepRun>& runs, std::size_t& blocks);
/// The gnuplot script drawing `data_file` (`blocks` blocks) into request.file.
std::string plot_script(const PlotRequest& request, const std::vector<SweepParam>& params,
                        const std::string& data_file, std::size_t blocks);

/// Writes FILE.dat and FILE.gp and runs gnuplot. Returns an empty string, or what went wrong.
std::string draw_plot(const PlotRequest& request, const std::vector<SweepParam>& params,
                      const std::vector<SweepRun>& runs);

} // namespace sim::app
