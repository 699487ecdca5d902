// SPDX-License-Identifier: Apache-2.0
#include "sim/cli/import_command.h"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <vector>

#include "models/common/config/config_error.h"
#include "sim/cli/output_path.h"
#include "sim/port/board_import.h"
#include "sim/port/validate.h"
#include "sim/scenario/scenario.h"

namespace sim::app {
namespace {

namespace fs = std::filesystem;

/// The default base board: the working tree's, else the one this binary was built from.
std::string default_base() {
  const fs::path here = "configs/tcc807x.yaml";
  if (fs::exists(here)) return here.string();
  const fs::path built = fs::path(IPCSIM_SOURCE_DIR) / "configs" / "tcc807x.yaml";
  if (fs::exists(built)) return built.string();
  throw std::invalid_argument("no configs/tcc807x.yaml here: give the base board with --base");
}

/// Refuses an output that is one of the inputs: the import would destroy what it reads.
void refuse_overwriting_an_input(const ImportArgs& args, const std::string& base) {
  std::error_code ec;
  if (!fs::exists(args.output, ec)) return;
  std::vector<std::string> inputs = args.dts;
  if (!args.elf.empty()) inputs.push_back(args.elf);
  inputs.push_back(base);
  for (const std::string& input : inputs)
    if (fs::equivalent(args.output, input, ec))
      throw std::invalid_argument("-o " + args.output + " is also an input (" + input +
                                  "): the import would overwrite what it reads");
}

} // namespace

int run_import_command(const ImportArgs& args) {
  if (args.dts.empty() && args.elf.empty())
    throw std::invalid_argument("import: give the artefacts (--dts, --elf) to import from");
  ImportInput in;
  in.base_file = args.base.empty() ? default_base() : args.base;
  refuse_overwriting_an_input(args, in.base_file);
  in.name = args.name.empty() ? fs::path(args.output).stem().string() : args.name;
  Artefacts artefacts = load_artefacts(args.dts, args.elf);
  in.linux_dt = std::move(artefacts.linux_dt);
  in.zephyr_dt = std::move(artefacts.zephyr_dt);
  in.firmware = std::move(artefacts.firmware);
  const std::string text = import_board(in);
  {
    prepare_output_file(args.output, "-o");
    std::ofstream out(args.output);
    if (!out) throw std::invalid_argument("-o: cannot write " + args.output);
    // Editors (yaml-language-server) check the file against the board schema.
    const fs::path schema = fs::path(IPCSIM_SOURCE_DIR) / "schemas" / "board.schema.json";
    std::error_code ec;
    const fs::path dir = fs::absolute(args.output, ec).parent_path();
    const fs::path rel = fs::relative(schema, dir, ec);
    out << "# yaml-language-server: $schema=" << (ec || rel.empty() ? schema : rel).string() << "\n"
        << text;
  }
  std::cout << "import    " << args.output << " (base " << in.base_file << ")\n";

  // The new board must load (else it is not left behind), and agree with what it came from.
  PortDescription port;
  try {
    port = load_port(args.output);
  } catch (const config::ConfigError& e) {
    std::error_code ec;
    fs::remove(args.output, ec);
    throw std::invalid_argument(std::string("the imported board would not load, so it was not "
                                            "written: ") +
                                e.what());
  }
  ValidateInput check;
  check.board_file = port.board_file;
  check.board = std::move(port.board);
  check.remote = std::move(port.remote);
  check.linux_dt = in.linux_dt;
  check.zephyr_dt = in.zephyr_dt;
  check.firmware = in.firmware;
  const std::vector<CheckResult> results = validate_port(check);
  std::cout << validation_text(results);
  return has_errors(results) ? 1 : 0;
}

CLI::App* add_import_command(CLI::App& app, ImportArgs& args) {
  CLI::App* import = app.add_subcommand(
      "import", "write a board file from the Linux DT, the Zephyr DT and the firmware ELF");
  import->add_option("--dts", args.dts, "a Linux or Zephyr device tree (repeatable)");
  import->add_option("--elf", args.elf, "the remote's firmware ELF (zephyr.elf)");
  import->add_option("-o,--output", args.output, "the board file to write")->required();
  import->add_option("--base", args.base,
                     "the board the rest comes from (default configs/tcc807x.yaml)");
  import->add_option("--name", args.name, "the board's name (default: the file's stem)");
  return import;
}

} // namespace sim::app
