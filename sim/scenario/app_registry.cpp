// SPDX-License-Identifier: Apache-2.0
#include "sim/scenario/app_registry.h"

#include "sim/scenario/app_specs.h"

namespace sim::app {
namespace {

using config::ConfigNode;

struct AppSpec {
  const char* name;
  Side side;
  specs::Parser parse;
  specs::Keys keys;
};

const std::vector<AppSpec>& registry() {
  static const std::vector<AppSpec> kApps = {
      {"shared_flag_writer", Side::kMaster, specs::shared_flag_writer,
       specs::shared_flag_writer_keys},
      {"shared_flag_reader", Side::kRemote, specs::shared_flag_reader,
       specs::shared_flag_reader_keys},
      {"rpmsg_client_sample", Side::kMaster, specs::rpmsg_client_sample,
       specs::rpmsg_client_sample_keys},
      {"stream", Side::kMaster, specs::stream_sender, specs::stream_sender_keys},
      {"client_sample_responder", Side::kRemote, specs::client_sample_responder,
       specs::client_sample_responder_keys},
      {"tty_responder", Side::kRemote, specs::tty_responder, specs::tty_responder_keys},
      {"queued_responder", Side::kRemote, specs::queued_responder, specs::queued_responder_keys},
  };
  return kApps;
}

} // namespace

std::vector<std::pair<std::string, const config::KeySet*>> app_variants(Side side) {
  std::vector<std::pair<std::string, const config::KeySet*>> out;
  for (const AppSpec& a : registry())
    if (side == a.side) out.emplace_back(a.name, &a.keys());
  return out;
}

std::vector<std::string> app_names(Side side) {
  std::vector<std::string> out;
  for (const AppSpec& a : registry())
    if (side == a.side) out.emplace_back(a.name);
  return out;
}

AppInstance parse_app(const ConfigNode& item, Side side, const AppContext& context) {
  if (!item.is_map()) item.fail("an app is written `- name: {options}`");
  auto entries = item.entries();
  if (entries.size() != 1) {
    std::string keys;
    for (const auto& e : entries) keys += (keys.empty() ? "" : ", ") + e.first;
    item.fail("an app is written `- name: {options}` with one key, the application's name; found " +
              keys);
  }
  const auto& [name, options] = entries.front();
  for (const AppSpec& a : registry()) {
    if (name != a.name) continue;
    if (side != a.side)
      options.fail(name + " runs on the " + side_name(a.side) + " side, not on " + side_name(side));
    options.require_map();
    return a.parse(options, context);
  }
  std::string known;
  for (const std::string& n : app_names(side)) known += (known.empty() ? "" : ", ") + n;
  throw config::ConfigError(item.loc(), item.path() + "." + name,
                            "unknown application '" + name + "' for the " + side_name(side) +
                                " side" + config::did_you_mean(name, app_names(side)) +
                                " (known: " + known + ")");
}

} // namespace sim::app
