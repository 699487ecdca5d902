// SPDX-License-Identifier: Apache-2.0
#include "sim/scenario/scenario.h"

#include "sim/scenario/remote_firmware.h"

#include <algorithm>
#include <filesystem>
#include <regex>

#include "sim/scenario/faults.h"
#include "sim/scenario/software_keys.h"

namespace sim::app {
namespace {

using config::ConfigError;
using config::ConfigNode;
using config::ConfigValue;

// Subtrees that were copied into the merged document are validated there, not here.
void mark_all_used(const ConfigValue& v) {
  for (const auto& e : v.map) {
    e.used = true;
    mark_all_used(*e.value);
  }
  for (const auto& item : v.sequence) mark_all_used(item);
}

std::string resolve_relative(const std::string& base_file, const std::string& path) {
  std::filesystem::path p(path);
  if (p.is_absolute()) return path;
  return (std::filesystem::path(base_file).parent_path() / p).lexically_normal().string();
}

ConfigValue empty_map() {
  ConfigValue v;
  v.kind = ConfigValue::Kind::kMap;
  return v;
}

// Board document + per-side software (board defaults, then the scenario's section).
ConfigValue merge_document(const ConfigValue& board_doc, const ConfigNode& scenario) {
  ConfigValue merged = board_doc;
  ConfigValue software = empty_map();
  if (const config::ConfigEntry* e = merged.find("software")) {
    software = *e->value;
    auto& m = merged.map;
    m.erase(std::remove_if(m.begin(), m.end(),
                           [](const config::ConfigEntry& x) { return x.key == "software"; }),
            m.end());
  }
  const ConfigNode board_software(software, "software");
  board_software.require_map();
  for (Side s : kSides) {
    const char* side = side_name(s);
    ConfigValue doc = empty_map();
    if (auto defaults = board_software.get(side)) {
      config::merge_into(doc, defaults->value());
      mark_all_used(defaults->value()); // checked where they land, in the merged side
    }
    if (auto section = scenario.get(side)) {
      section->require_map();
      config::merge_into(doc, section->value());
      mark_all_used(section->value());
    }
    merged.set(side, doc);
  }
  // Anything else under the board's software: is a typo (`software.remot:`), not a default.
  board_software_keys().check(board_software);
  return merged;
}

void apply_command_line_sets(ConfigValue& merged, const LoadOptions& options) {
  for (const std::string& kv : options.sets) {
    config::SourceLoc where;
    where.file = std::make_shared<const std::string>("--set " + kv);
    std::size_t eq = kv.find('=');
    if (eq == std::string::npos || eq == 0)
      throw ConfigError(where, "", "expected key=value (e.g. clusters.remote.dcache.size=64KiB)");
    ConfigValue value = config::load_string(kv.substr(eq + 1), "--set " + kv);
    value.loc = where;
    config::set_path(merged, kv.substr(0, eq), value, where);
  }
}

void apply_sets(ConfigValue& merged, const ConfigNode& scenario, const LoadOptions& options) {
  if (auto set = scenario.get("set")) {
    for (const auto& [key, value] : set->entries()) {
      config::set_path(merged, key, value.value(), value.loc());
      mark_all_used(value.value());
    }
  }
  apply_command_line_sets(merged, options);
}

std::vector<AppInstance> parse_apps(const ConfigNode& merged, Side side,
                                    const AppContext& context) {
  std::vector<AppInstance> apps;
  ConfigNode section = merged.at(side_name(side));
  if (auto list = section.get("apps"))
    for (const ConfigNode& item : list->items()) apps.push_back(parse_app(item, side, context));
  return apps;
}

/// The remote's ISS core and its firmware come together, and replace the modelled Zephyr's
/// applications.
void check_remote_firmware(Scenario& sc, const ConfigNode& m, const std::string& path) {
  const ConfigNode remote = m.at("remote");
  const bool iss = sc.board.cluster(Side::kRemote).core.model == models::CoreModel::kIss;
  const std::optional<ConfigNode> firmware = remote.get("firmware");
  if (!firmware) {
    if (iss)
      m.at("clusters")
          .at("remote")
          .at("core")
          .at("model")
          .fail("an ISS core runs a real ELF: name it with remote.firmware");
    return;
  }
  if (!iss)
    firmware->fail("real firmware runs on an ISS core: set clusters.remote.core.model: iss");
  if (!sc.remote_apps.empty())
    remote.at("apps").fail("the remote runs its firmware: the modelled Zephyr's applications "
                           "cannot run beside it");
  sc.remote.firmware = resolve_relative(path, firmware->str());
  sc.remote.firmware_image = load_remote_firmware(*firmware, sc.remote.firmware, sc.board);
}

/// Each fault checked against the loaded scenario (its applications, the other faults' effect).
void validate_faults(const Scenario& sc, const ConfigNode& s) {
  for (std::size_t i = 0; i < sc.faults.size(); ++i)
    sc.faults[i]->validate(sc, s.at("faults").items()[i]);
}

} // namespace

Scenario load_scenario(const std::string& path, const LoadOptions& options) {
  ConfigValue doc = config::load_file(path);
  const ConfigNode s(doc, "");
  const config::KeyReader top(scenario_keys(), s);
  Scenario sc;
  sc.file = path;
  const ConfigNode name = top.at("name");
  sc.name = name.str();
  // The name is a folder under --out (out/<name>): it may not climb out of it.
  if (!std::regex_match(sc.name, std::regex(kScenarioNamePattern)))
    name.fail("a scenario name is a file name: letters, digits, '_', '-' and '.', not "
              "starting with '.'; got '" +
              sc.name + "'");
  if (top.has("description")) sc.description = top.text("description");
  sc.board_file = resolve_relative(path, top.text("board"));
  const std::uint64_t seed = top.uint("seed");
  sc.seed = options.has_seed ? options.seed : seed;
  sc.stop_at = top.time("stop_at");
  sc.settle = top.time("settle");
  sc.sanitizer = top.boolean("sanitizer") && !options.no_sanitizer;

  ConfigValue board_doc;
  try {
    board_doc = config::load_file(sc.board_file);
  } catch (const ConfigError& e) {
    if (e.message() == "cannot open file")
      s.at("board").fail("cannot open board file " + sc.board_file);
    throw;
  }
  ConfigValue merged = merge_document(board_doc, s);
  apply_sets(merged, s, options);
  ConfigNode m(merged, "");
  sc.board = models::parse_board(m, merged_document_keys());
  sc.master = parse_master_software(m.at("master"), sc.board);
  sc.remote = parse_remote_software(m.at("remote"), sc.board);
  if (auto f = top.get("faults")) sc.faults = parse_faults(*f, sc.board);
  for (const std::shared_ptr<const Fault>& f : sc.faults) f->apply(sc.board, sc.master, sc.remote);
  const AppContext context{sc.board, sc.master, sc.remote};
  sc.master_apps = parse_apps(m, Side::kMaster, context);
  sc.remote_apps = parse_apps(m, Side::kRemote, context);
  check_remote_firmware(sc, m, path);
  if (auto e = top.get("expect")) sc.expect = parse_expectations(*e);
  validate_faults(sc, s);
  config::check_all_used(doc);
  config::check_all_used(merged);

  sc.effective = merged;
  ConfigValue meta;
  meta.kind = ConfigValue::Kind::kScalar;
  meta.scalar = sc.name;
  sc.effective.set("scenario", meta);
  meta.scalar = std::to_string(sc.seed);
  sc.effective.set("seed", meta);
  meta.scalar = format_time(sc.stop_at);
  sc.effective.set("stop_at", meta);
  return sc;
}

models::BoardConfig load_board_or_scenario(const std::string& path, const LoadOptions& options) {
  ConfigValue doc = config::load_file(path);
  if (doc.find("board") != nullptr) return load_scenario(path, options).board;
  apply_command_line_sets(doc, options);
  if (const config::ConfigEntry* e = doc.find("software")) {
    e->used = true;
    mark_all_used(*e->value);
  }
  models::BoardConfig board = models::parse_board(ConfigNode(doc, ""));
  config::check_all_used(doc);
  return board;
}

PortDescription load_port(const std::string& path, const LoadOptions& options) {
  ConfigValue doc = config::load_file(path);
  if (doc.find("board") != nullptr) {
    Scenario sc = load_scenario(path, options);
    return {sc.board_file, std::move(sc.board), std::move(sc.remote)};
  }
  apply_command_line_sets(doc, options);
  ConfigNode root(doc, "");
  PortDescription port;
  port.board_file = path;
  port.board = models::parse_board(root);
  if (const config::ConfigEntry* e = doc.find("software")) {
    // The master's software does not take part; the remote's is parsed (and its typos named).
    e->used = true;
    if (const config::ConfigEntry* master = e->value->find("master")) {
      master->used = true;
      mark_all_used(*master->value);
    }
  }
  const std::optional<ConfigNode> software = root.get("software");
  const std::optional<ConfigNode> remote = software ? software->get("remote") : std::nullopt;
  if (remote) port.remote = parse_remote_software(*remote, port.board);
  config::check_all_used(doc);
  return port;
}

} // namespace sim::app
