// SPDX-License-Identifier: Apache-2.0
// Faults on the board's configuration, in effect from the start: Linux maps the carve-outs
// cacheable, looks for the resource table at another offset, or a cluster lacks an MMU region.
#include <algorithm>

#include "sim/scenario/fault_kinds.h"

namespace sim::app::fault_kinds {
namespace {

using json = nlohmann::ordered_json;

bool overlaps_carveout(const models::BoardConfig& board, const models::MmuRegion& r) {
  for (const models::CarveoutConfig& c : board.carveouts)
    if (r.base < c.base + c.size && c.base < r.end()) return true;
  return false;
}

/// `linux_cacheable`: every master MMU region over a carve-out becomes Normal-WB.
class LinuxCacheable : public Fault {
public:
  const char* kind() const override { return "linux_cacheable"; }
  Side side() const override { return Side::kMaster; }
  std::string description() const override {
    return "linux_cacheable: carve-outs Normal-WB on master";
  }
  void apply(models::BoardConfig& board, MasterSoftware&, RemoteSoftware&) const override {
    for (models::MmuRegion& r : board.cluster(Side::kMaster).mmu)
      if (overlaps_carveout(board, r)) r.attr = models::MemAttr::kNormalWb;
  }
  FaultReadout arm(models::Platform&) const override { return in_effect_from(0); }
};

/// `rsc_offset`: the master's rsc_table window places the table at `value` (the Linux DT's
/// tcc,rsc-offset), wherever the remote put it.
class RscOffset : public Fault {
public:
  explicit RscOffset(std::uint64_t value) : value_(value) {}
  const char* kind() const override { return "rsc_offset"; }
  Side side() const override { return Side::kMaster; }
  std::string description() const override { return "rsc_offset " + format_hex(value_, 1); }
  json settings() const override { return {{"value", format_hex(value_, 1)}}; }
  void apply(models::BoardConfig& board, MasterSoftware&, RemoteSoftware&) const override {
    for (models::CarveoutConfig& c : board.carveouts)
      if (c.name == "rsc_table") c.rsc_offset = value_;
  }
  FaultReadout arm(models::Platform&) const override { return in_effect_from(0); }

private:
  std::uint64_t value_;
};

/// `unmap_region`: a cluster's MMU map lacks `region`; its software's accesses there fault.
class UnmapRegion : public Fault {
public:
  UnmapRegion(Side side, std::string region) : side_(side), region_(std::move(region)) {}
  const char* kind() const override { return "unmap_region"; }
  Side side() const override { return side_; }
  std::string description() const override {
    return std::string("unmap_region ") + side_name(side_) + "/" + region_;
  }
  json settings() const override { return {{"region", region_}}; }
  bool replaces(const Fault& other) const override {
    const auto* o = dynamic_cast<const UnmapRegion*>(&other);
    return o != nullptr && o->side_ == side_ && o->region_ == region_;
  }
  void apply(models::BoardConfig& board, MasterSoftware&, RemoteSoftware&) const override {
    std::vector<models::MmuRegion>& mmu = board.cluster(side_).mmu;
    mmu.erase(std::remove_if(mmu.begin(), mmu.end(),
                             [&](const models::MmuRegion& r) { return r.name == region_; }),
              mmu.end());
  }
  FaultReadout arm(models::Platform&) const override { return in_effect_from(0); }

private:
  Side side_;
  std::string region_;
};

} // namespace

const config::KeySet& linux_cacheable_keys() {
  static const config::KeySet keys(
      "fault_linux_cacheable",
      "Linux maps every MMU region that covers a carve-out Normal-WB (its drivers still do no "
      "cache maintenance).",
      {});
  return keys;
}

std::unique_ptr<Fault> linux_cacheable(const config::KeyReader&, const models::BoardConfig&) {
  return std::make_unique<LinuxCacheable>();
}

const config::KeySet& rsc_offset_keys() {
  static const config::KeySet keys(
      "fault_rsc_offset",
      "Linux looks for the resource table at `value` inside the rsc_table window (the DT's "
      "`tcc,rsc-offset`), wherever the remote put it (real-bugs B12).",
      {config::Key::uint("value", "the offset into the rsc_table window; the table must fit "
                                  "behind it")
           .needed()
           .eg("value: 0x400")});
  return keys;
}

std::unique_ptr<Fault> rsc_offset(const config::KeyReader& body, const models::BoardConfig& board) {
  const std::uint64_t offset = body.uint("value");
  const models::CarveoutConfig* window = board.carveout("rsc_table");
  if (window == nullptr) body.node().fail("the board has no rsc_table carve-out");
  const std::uint64_t table = window->rsc_size.value_or(0);
  if (offset >= window->size || table > window->size - offset)
    body.at("value").fail("the table (" + format_hex(table, 1) +
                          " bytes) must fit in the rsc_table window (" +
                          format_hex(window->size, 1) + " bytes)");
  return std::make_unique<RscOffset>(offset);
}

const config::KeySet& unmap_region_keys() {
  static const config::KeySet keys(
      "fault_unmap_region",
      "Region `region` is missing from cluster `cluster`'s MMU map; its software's accesses "
      "there fault (real-bugs B13).",
      {cluster_key("the cluster whose map loses the region").eg("cluster: remote"),
       config::Key::text("region", "the name of one of that cluster's `mmu` regions")
           .needed()
           .eg("region: VDEV0BUFFER")});
  return keys;
}

std::unique_ptr<Fault> unmap_region(const config::KeyReader& body,
                                    const models::BoardConfig& board) {
  const Side side = parse_side(body);
  const std::string name = body.text("region");
  std::vector<std::string> known;
  for (const models::MmuRegion& r : board.cluster(side).mmu) {
    if (r.name == name) return std::make_unique<UnmapRegion>(side, name);
    known.push_back(r.name);
  }
  std::string list;
  for (const std::string& k : known) list += (list.empty() ? "" : ", ") + k;
  body.at("region").fail(std::string("the ") + side_name(side) + " MMU map has no region '" + name +
                         "' (regions: " + list + ")" + config::did_you_mean(name, known));
}

} // namespace sim::app::fault_kinds
