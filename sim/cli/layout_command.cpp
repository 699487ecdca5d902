// SPDX-License-Identifier: Apache-2.0
#include "sim/cli/layout_command.h"

#include <CLI/CLI.hpp>

#include <iostream>

#include "sim/report/layout_text.h"
#include "sim/scenario/scenario.h"

namespace sim::app {

CLI::App* add_layout_command(CLI::App& app, LayoutArgs& args) {
  CLI::App* layout = app.add_subcommand("layout", "print the shared-memory map of a board");
  layout->add_option("board", args.board, "board or scenario YAML file")->required();
  layout->add_option("--set", args.sets, "override a key: dotted.path=value (repeatable)");
  return layout;
}

int run_layout_command(const LayoutArgs& args) {
  LoadOptions opts;
  opts.sets = args.sets;
  std::cout << layout_text(load_board_or_scenario(args.board, opts));
  return 0;
}

} // namespace sim::app
