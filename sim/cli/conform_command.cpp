// SPDX-License-Identifier: Apache-2.0
#include "sim/cli/conform_command.h"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <stdexcept>

#include "sim/check/conformance.h"
#include "sim/check/suite.h"
#include "sim/cli/cli_common.h"
#include "sim/cli/output_path.h"
#include "sim/scenario/scenario.h"
#include "sw/zephyr/openamp_release.h"

namespace sim::app {
namespace {

namespace fs = std::filesystem;

/// The firmware that does what a modelled remote application does, on the real library
/// (firmware/apps, firmware/openamp/CMakeLists.txt).
struct FirmwareTwin {
  const char* model_app;
  const char* firmware_app;
};
constexpr FirmwareTwin kTwins[] = {
    // Zephyr's client sample responder: one 20-byte slot, a flag, the echo sent from the main
    // loop (firmware/apps/slot_responder.c).
    {"client_sample_responder", "slot_responder"},
};

/// Whether the remote maps its resource table Normal non-cacheable (the bugs scenarios' way past
/// the status wait of the releases before v2023.10: `clusters.remote.mmu[0].attr: normal_nc`).
/// No firmware build maps it as device memory: such a scenario needs --firmware.
bool table_uncached(const Scenario& sc) {
  for (const models::ClusterBoardConfig& c : sc.board.clusters) {
    if (c.side != Side::kRemote) continue;
    for (const models::MmuRegion& r : c.mmu)
      if (sc.remote.image.rsc_table >= r.base && sc.remote.image.rsc_table < r.end())
        return r.attr == models::MemAttr::kNormalNc;
  }
  return false;
}

/// The ELF built for `release` that matches the scenario's remote: its application, whether the
/// D-cache option is on, and the vring alignment its resource table gives.
std::string twin_firmware(const Scenario& sc, const std::string& release, const std::string& dir) {
  if (sc.remote_apps.size() != 1)
    throw std::invalid_argument(sc.file + ": remote.apps: conform needs exactly one modelled "
                                          "remote application to find its firmware twin (or give "
                                          "--firmware)");
  const std::string& app = sc.remote_apps.front().name;
  const FirmwareTwin* twin = nullptr;
  for (const FirmwareTwin& t : kTwins)
    if (app == t.model_app) twin = &t;
  if (twin == nullptr)
    throw std::invalid_argument(sc.file + ": remote.apps: " + app +
                                " has no firmware twin; conform knows client_sample_responder "
                                "(slot_responder), or give --firmware ELF");
  const sw::zephyr::ZephyrOptions& image = sc.remote.image;
  std::string name = std::string(twin->firmware_app) + "_" + release;
  if (table_uncached(sc)) {
    // The firmware maps the table as its page tables say: the build with it non-cacheable.
    if (!image.dcache || image.vring_align != 16)
      throw std::invalid_argument(sc.file + ": a non-cacheable resource table is built with the "
                                            "D-cache option on and vring_align 16 only (or give "
                                            "--firmware)");
    name += "_rsc_nc";
  } else if (!image.dcache) {
    name += "_nodcache";
  } else if (image.vring_align == 64) {
    name += "_align64";
  } else if (image.vring_align != 16) {
    throw std::invalid_argument(sc.file + ": remote.resource_table.vring_align " +
                                std::to_string(image.vring_align) +
                                ": firmware is built with 16 or 64 (or give --firmware)");
  }
  const fs::path elf = fs::path(dir) / (name + ".elf");
  std::error_code ec;
  if (!fs::is_regular_file(elf, ec))
    throw std::invalid_argument(
        elf.string() + " does not exist: the OpenAMP firmware is built when ../shared/third_party "
                       "holds the release archives (make build), or give --firmware ELF");
  return fs::absolute(elf).lexically_normal().string();
}

nlohmann::json read_report(const SuiteResult& r, const char* side) {
  std::ifstream in(fs::path(r.job.out_dir) / "report.json");
  nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
  if (j.is_discarded())
    throw std::runtime_error(std::string("the ") + side + " run left no readable report.json in " +
                             r.job.out_dir);
  return j;
}

/// The trace a child run wrote: a broken one is ipcsim's fault, not the user's (exit 3).
std::vector<SharedAccess> read_trace(const SuiteResult& r) {
  const std::string file = (fs::path(r.job.out_dir) / "access_trace.tsv").string();
  std::ifstream in(file);
  if (!in) throw std::runtime_error("no access trace at " + file);
  try {
    return read_access_trace(in, file);
  } catch (const std::exception& e) {
    throw std::runtime_error(std::string("the access trace ipcsim wrote is unreadable: ") +
                             e.what());
  }
}

/// `value` as a YAML single-quoted scalar: a path with `#`, `: ` or quotes stays one string.
std::string yaml_quoted(const std::string& value) {
  std::string out = "'";
  for (char c : value) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

/// Writes `text` to `path`, or says it could not.
void write_file(const fs::path& path, const std::string& text) {
  std::ofstream file(path);
  file << text;
  if (!file.flush()) throw std::invalid_argument("cannot write " + path.string());
}

} // namespace

CLI::App* add_conform_command(CLI::App& app, ConformArgs& args) {
  CLI::App* c = app.add_subcommand(
      "conform", "run a scenario with the modelled remote and with real OpenAMP firmware of the "
                 "same release, and compare them message by message");
  c->add_option("scenario", args.scenario, "scenario YAML file (a modelled remote)")->required();
  c->add_option("--release", args.release,
                "OpenAMP release: " + sw::zephyr::openamp_release_names())
      ->required();
  c->add_option("--firmware", args.firmware,
                "the ELF to compare (default: the build's twin of the remote application)");
  c->add_option("--firmware-dir", args.firmware_dir,
                "where the built firmware is (default: firmware/openamp in the build tree)");
  c->add_option("--set", args.sets, "override a key in both runs: dotted.path=value (repeatable)");
  c->add_option("--out", args.out, "output directory (default out/conform/<scenario>-<release>)");
  c->add_flag("--no-sanitizer", args.no_sanitizer, "both runs without the coherency sanitizer");
  c->add_option("--row", args.row,
                "also write the result as a Markdown table row to this file "
                "(docs/conformance/generate.sh)");
  c->add_option("--label", args.label, "the row's first cell (default: the release)");
  return c;
}

int run_conform_command(const ConformArgs& args, const std::string& ipcsim) {
  sw::zephyr::openamp_release(args.release); // throws naming the valid ones
  LoadOptions opts;
  opts.sets = args.sets;
  opts.sets.push_back("remote.openamp.release=" + args.release);
  const Scenario sc = load_scenario(args.scenario, opts);
  if (!sc.remote.firmware.empty())
    throw std::invalid_argument(args.scenario + ": remote.firmware: conform compares a modelled "
                                                "remote with firmware; give the modelled scenario");
  std::string firmware = args.firmware;
  if (firmware.empty()) {
    const std::string dir =
        args.firmware_dir.empty()
            ? (fs::path(ipcsim).parent_path().parent_path() / "firmware" / "openamp").string()
            : args.firmware_dir;
    firmware = twin_firmware(sc, args.release, dir);
  } else {
    std::error_code ec;
    if (!fs::is_regular_file(firmware, ec))
      throw std::invalid_argument("--firmware " + firmware + ": no such file");
    firmware = fs::absolute(firmware).lexically_normal().string();
  }
  if (!args.row.empty()) prepare_output_file(args.row, "--row");
  const std::string out =
      args.out.empty() ? "out/conform/" + sc.name + "-" + args.release : args.out;
  const auto trace_args = [](const std::string& dir) {
    return std::vector<std::string>{"--access-trace",
                                    (fs::path(dir) / "access_trace.tsv").string()};
  };
  SuiteJob model{args.scenario, "model", std::nullopt, (fs::path(out) / "model").string(), {}};
  model.args = trace_args(model.out_dir);
  model.args.insert(model.args.end(), {"--set", "remote.openamp.release=" + args.release});
  SuiteJob real{args.scenario, "firmware", std::nullopt, (fs::path(out) / "firmware").string(), {}};
  real.args = trace_args(real.out_dir);
  real.args.insert(real.args.end(),
                   {"--set", "clusters.remote.core.model=iss", "--set", "remote.apps=[]", "--set",
                    "remote.firmware=" + yaml_quoted(firmware)});
  SuiteOptions options;
  options.ipcsim = ipcsim;
  options.jobs = 2;
  options.extra_args = run_arguments(args.sets, args.no_sanitizer);
  std::cout << "conform   " << sc.name << ", OpenAMP " << args.release << ": model vs " << firmware
            << "\n";
  const std::vector<SuiteResult> runs = run_suite({model, real}, options);
  for (const SuiteResult& r : runs) {
    if (r.exit_code == kInvalidInput)
      throw std::invalid_argument("the " + r.job.id + " run refused its input: " + r.error);
    if (r.errored())
      throw std::runtime_error("the " + r.job.id + " run failed (exit " +
                               std::to_string(r.exit_code) + "): " + r.error);
  }
  const ConformanceResult result =
      compare_runs(read_report(runs[0], "model"), read_trace(runs[0]),
                   read_report(runs[1], "firmware"), read_trace(runs[1]));
  std::cout << conformance_text(result);
  write_file(fs::path(out) / "conformance.json", conformance_json(result).dump(2) + "\n");
  std::cout << "report    " << (fs::path(out) / "conformance.json").string() << "\n";
  if (!args.row.empty())
    write_file(args.row,
               conformance_row(args.label.empty() ? args.release : args.label, result) + "\n");
  return result.conformant() ? 0 : kFailed;
}

} // namespace sim::app
