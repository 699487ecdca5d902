// SPDX-License-Identifier: Apache-2.0
#include "sim/import_command.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <stdexcept>

#include "sim/board_import.h"
#include "sim/scenario.h"
#include "sim/validate.h"

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

} // namespace

int run_import_command(const ImportArgs& args) {
  if (args.dts.empty() && args.elf.empty())
    throw std::invalid_argument("import: give the artefacts (--dts, --elf) to import from");
  ImportInput in;
  in.base_file = args.base.empty() ? default_base() : args.base;
  in.name = args.name.empty() ? fs::path(args.output).stem().string() : args.name;
  for (const std::string& file : args.dts) {
    artefacts::DeviceTree dt = artefacts::load_device_tree(file);
    std::optional<artefacts::DeviceTree>& slot = dt.is_zephyr() ? in.zephyr_dt : in.linux_dt;
    if (slot) throw std::invalid_argument("--dts " + file + ": a second device tree of that side");
    slot = std::move(dt);
  }
  if (!args.elf.empty()) in.firmware = artefacts::load_firmware(args.elf);
  const std::string text = import_board(in);
  {
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

  // The new board must load, and agree with what it came from.
  PortDescription port = load_port(args.output);
  ValidateInput check;
  check.board_file = port.board_file;
  check.board = std::move(port.board);
  check.remote = std::move(port.remote);
  check.linux_dt = in.linux_dt;
  check.zephyr_dt = in.zephyr_dt;
  check.firmware = in.firmware;
  const std::vector<CheckResult> results = validate_port(check);
  std::cout << validation_text(results);
  for (const CheckResult& r : results)
    if (r.status == CheckStatus::kError) return 1;
  return 0;
}

} // namespace sim::app
