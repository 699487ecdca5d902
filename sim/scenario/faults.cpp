// SPDX-License-Identifier: Apache-2.0
// The fault registry: each kind by its key, parsed by its own parser (fault_kinds_*.cpp).
#include "sim/scenario/faults.h"

#include "sim/scenario/fault_kinds.h"

namespace sim::app {
namespace {

using config::ConfigNode;

struct FaultKindEntry {
  const char* name;
  fault_kinds::Parser parse;
  fault_kinds::Keys keys;
};

const std::vector<FaultKindEntry>& registry() {
  static const std::vector<FaultKindEntry> kKinds = {
      {"skip_cache_op", fault_kinds::skip_cache_op, fault_kinds::skip_cache_op_keys},
      {"mailbox", fault_kinds::mailbox, fault_kinds::mailbox_keys},
      {"double_tx_buffer", fault_kinds::double_tx_buffer, fault_kinds::double_tx_buffer_keys},
      {"ignore_vq_irq_when_attached", fault_kinds::ignore_vq_irq_when_attached,
       fault_kinds::ignore_vq_irq_when_attached_keys},
      {"linux_cacheable", fault_kinds::linux_cacheable, fault_kinds::linux_cacheable_keys},
      {"rsc_offset", fault_kinds::rsc_offset, fault_kinds::rsc_offset_keys},
      {"unmap_region", fault_kinds::unmap_region, fault_kinds::unmap_region_keys},
      {"remote_boots_late", fault_kinds::remote_boots_late, fault_kinds::remote_boots_late_keys},
      {"remote_restarts", fault_kinds::remote_restarts, fault_kinds::remote_restarts_keys},
  };
  return kKinds;
}

std::string known_kinds() {
  std::string out;
  for (const std::string& k : fault_kind_names()) out += (out.empty() ? "" : ", ") + k;
  return out;
}

} // namespace

namespace fault_kinds {

config::Key nth_key(std::string doc) {
  return config::Key::uint("nth", std::move(doc) + " (counting from 1)").range(1, 1000000);
}

config::Key cluster_key(std::string doc) {
  return config::Key::choice("cluster", {side_name(Side::kMaster), side_name(Side::kRemote)},
                             std::move(doc))
      .needed();
}

Side parse_side(const config::KeyReader& body) {
  return body.choice<Side>("cluster", {{side_name(Side::kMaster), Side::kMaster},
                                       {side_name(Side::kRemote), Side::kRemote}});
}

FaultReadout in_effect_from(Picoseconds at) {
  return [at](const FaultRunFacts&, FaultRecord& r) {
    r.fired = {at};
    r.occurrences = 1;
  };
}

} // namespace fault_kinds

bool Fault::replaces(const Fault& other) const {
  return std::string(kind()) == other.kind();
}

FaultRecord Fault::blank_record() const {
  FaultRecord r;
  r.kind = kind();
  r.side = side();
  r.description = description();
  r.settings = settings();
  return r;
}

std::vector<std::string> fault_kind_names() {
  std::vector<std::string> out;
  for (const FaultKindEntry& k : registry()) out.emplace_back(k.name);
  return out;
}

std::vector<std::pair<std::string, const config::KeySet*>> fault_variants() {
  std::vector<std::pair<std::string, const config::KeySet*>> out;
  for (const FaultKindEntry& k : registry()) out.emplace_back(k.name, &k.keys());
  return out;
}

std::vector<std::shared_ptr<const Fault>> parse_faults(const ConfigNode& list,
                                                       const models::BoardConfig& board) {
  std::vector<std::shared_ptr<const Fault>> out;
  for (const ConfigNode& item : list.items()) {
    item.require_map();
    const auto entries = item.entries();
    if (entries.size() != 1) item.fail("each fault is one key: " + known_kinds());
    const auto& [kind, body] = entries.front();
    const FaultKindEntry* entry = nullptr;
    for (const FaultKindEntry& k : registry())
      if (kind == k.name) entry = &k;
    if (entry == nullptr)
      throw config::ConfigError(item.loc(), item.path() + "." + kind,
                                "unknown fault '" + kind + "'" +
                                    config::did_you_mean(kind, fault_kind_names()) +
                                    " (known: " + known_kinds() + ")");
    std::shared_ptr<const Fault> added =
        entry->parse(config::KeyReader(entry->keys(), body), board);
    for (std::size_t i = 0; i < out.size(); ++i)
      if (added->replaces(*out[i]))
        body.fail(std::string("a second ") + added->kind() + " fault (faults[" + std::to_string(i) +
                  "] is one): give it once");
    out.push_back(std::move(added));
  }
  return out;
}

} // namespace sim::app
