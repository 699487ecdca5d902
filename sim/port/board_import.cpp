// SPDX-License-Identifier: Apache-2.0
#include "sim/port/board_import.h"

#include <algorithm>
#include <map>
#include <sstream>
#include <stdexcept>

#include "models/common/config/config_tree.h"
#include "models/common/units.h"
#include "sim/artefacts/table_facts.h"

namespace sim::app {
namespace {

using artefacts::DeviceTree;
using artefacts::DtRegion;

constexpr std::uint64_t kPage = 4096;

std::string hex(std::uint64_t v) {
  return format_hex(v, 1);
}

/// A YAML double-quoted string (names come from artefacts and may hold ':' or '#').
std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (static_cast<unsigned char>(c) < 0x20) continue;
    out += c;
  }
  return out + "\"";
}

/// The carve-outs from the Linux DT: the reserved regions the rproc node lists, by node name.
void linux_part(const DeviceTree& dt, std::ostringstream& y, std::ostringstream& master_mmu,
                std::ostringstream& notes) {
  if (!dt.rproc)
    throw std::invalid_argument(dt.file + ": no remoteproc node (memory-region, mboxes)");
  const artefacts::DtRproc& rp = *dt.rproc;
  const std::pair<const char*, const char*> names[] = {{"rsc-table", "rsc_table"},
                                                       {"vdev0vring0", "vdev0vring0"},
                                                       {"vdev0vring1", "vdev0vring1"},
                                                       {"vdev0buffer", "vdev0buffer"}};
  y << "carveouts:\n";
  std::uint64_t lo = UINT64_MAX, hi = 0;
  for (const auto& [node, key] : names) {
    const auto it = std::find_if(dt.reserved.begin(), dt.reserved.end(), [&](const DtRegion& r) {
      return r.name == node && std::find(rp.memory_regions.begin(), rp.memory_regions.end(),
                                         r.path) != rp.memory_regions.end();
    });
    if (it == dt.reserved.end())
      throw std::invalid_argument(dt.file + ": " + rp.path + " lists no " + node +
                                  " region in memory-region");
    y << "  " << key << ": { base: " << hex(it->base) << ", size: " << hex(it->size);
    if (std::string(key) == "rsc_table") {
      if (!rp.rsc_offset)
        throw std::invalid_argument(dt.file + ": " + rp.path + " has no tcc,rsc-offset");
      if (*rp.rsc_offset >= it->size)
        throw std::invalid_argument(dt.file + ": tcc,rsc-offset " + hex(*rp.rsc_offset) +
                                    " lies past " + it->path + " (" + hex(it->size) + " bytes)");
      y << ", rsc_offset: " << hex(*rp.rsc_offset)
        << ", rsc_size: " << hex(rp.rsc_size.value_or(it->size - *rp.rsc_offset));
    }
    y << " }\n";
    lo = std::min(lo, it->base);
    hi = std::max(hi, it->end());
    notes << "#   carveouts." << key << ": " << dt.file << " " << it->path << "\n";
  }
  // Linux maps the carve-outs write-combining (memremap WC): one Normal-NC region over their
  // page-aligned hull (not a DRAM memory node that happens to hold them).
  lo &= ~(kPage - 1);
  hi = (hi + kPage - 1) & ~(kPage - 1);
  master_mmu << "  master:\n    mmu:\n      - { name: rpmsg_shm, base: " << hex(lo)
             << ", size: " << hex(hi - lo) << ", attr: normal_nc }\n";
}

/// A mailbox terminal { base, irq_rx, irq_tx } from the node at `path`.
std::string terminal(const DeviceTree& dt, const std::string& path) {
  for (const artefacts::DtMailbox& m : dt.mailboxes)
    if (m.path == path && m.interrupts.size() >= 2)
      return "{ base: " + hex(m.base) + ", irq_rx: " + std::to_string(m.interrupts[0]) +
             ", irq_tx: " + std::to_string(m.interrupts[1]) + " }";
  throw std::invalid_argument(dt.file + ": " + (path.empty() ? "the mailbox" : path) +
                              " is not a mailbox node with two interrupts (rx, tx)");
}

void firmware_part(const artefacts::FirmwareImage& fw, std::ostringstream& remote_mmu,
                   std::ostringstream& software, std::ostringstream& notes) {
  if (!fw.resource_table) throw std::invalid_argument(fw.file + ": no resource_table symbol");
  const artefacts::TableFacts t =
      artefacts::read_table_facts(fw.rsc_section, fw.rsc_section_address.value_or(0));
  if (!t.ok) throw std::invalid_argument(fw.file + ": Linux would reject its table: " + t.error);
  if (t.vrings.size() != 2)
    throw std::invalid_argument(fw.file + ": the table has no vdev with two vrings");
  for (const artefacts::VringFacts& v : t.vrings)
    if (v.num == 0 || (v.num & (v.num - 1)) != 0 || v.num > 256 || v.num != t.vrings[0].num)
      throw std::invalid_argument(fw.file + ": rings of " + std::to_string(t.vrings[0].num) +
                                  " and " + std::to_string(t.vrings[1].num) +
                                  " entries: Linux needs one power-of-two count (at most 256 "
                                  "here); `ipcsim validate` says more");
  software << "software:\n  remote:\n    resource_table: { address: "
           << hex(fw.resource_table->address) << ", vring_num: " << t.vrings[0].num
           << ", vring_align: " << t.vrings[0].align << ", vring0: " << hex(t.vrings[0].da)
           << ", vring1: " << hex(t.vrings[1].da) << (t.traces.empty() ? "" : ", ram_console: true")
           << " }\n";
  notes << "#   software.remote.resource_table: " << fw.file
        << " (symbol resource_table, section .resource_table)\n";
  // The image as loaded (page-aligned hull of its segments), then Zephyr's normal-memory regions
  // in their order, a later one remapping what an earlier one mapped (as Zephyr sets them up):
  // the board gets the resulting pieces, which never overlap.
  std::uint64_t lo = UINT64_MAX, hi = 0;
  for (const artefacts::ElfSegment& s : fw.segments) {
    lo = std::min(lo, s.address);
    hi = std::max(hi, s.address + s.size);
  }
  if (lo >= hi) throw std::invalid_argument(fw.file + ": no loadable segment");
  lo &= ~(kPage - 1);
  hi = (hi + kPage - 1) & ~(kPage - 1);
  std::vector<artefacts::ZephyrMmuRegion> regions;
  regions.push_back({"image", lo, lo, hi - lo, 4u | 8u}); // MT_NORMAL | MT_RW
  for (const artefacts::ZephyrMmuRegion& m : fw.mmu_regions) {
    const std::string attr = artefacts::board_attr_name(m.type());
    if (attr == "device" || attr == "unknown") continue; // devices are mapped by the board
    regions.push_back(m);
  }
  std::uint64_t from = UINT64_MAX, to = 0;
  for (const artefacts::ZephyrMmuRegion& m : regions) {
    from = std::min(from, m.base_pa);
    to = std::max(to, m.size > UINT64_MAX - m.base_pa ? UINT64_MAX : m.end());
  }
  std::map<std::string, unsigned> pieces_of;
  for (const artefacts::MappedPiece& p : artefacts::effective_mapping(regions, from, to - from)) {
    const std::string base_name = p.region->name.empty() ? "region" : p.region->name;
    const unsigned n = pieces_of[base_name]++;
    std::string attr = artefacts::board_attr_name(p.region->type());
    // Write-through is a cache policy here, not an MMU attribute: cacheable like write-back.
    if (attr == "normal_wt") attr = "normal_wb";
    remote_mmu << "      - { name: "
               << quoted(n == 0 ? base_name : base_name + "_" + std::to_string(n))
               << ", base: " << hex(p.begin) << ", size: " << hex(p.end - p.begin)
               << ", attr: " << attr << " }\n";
  }
  notes << "#   clusters.remote.mmu: " << fw.file << " (PT_LOAD segments, mmu_config)\n";
}

} // namespace

std::string import_board(const ImportInput& in) {
  std::ostringstream carveouts, master_mmu, mailbox, remote_mmu, software, notes;
  if (in.linux_dt) {
    linux_part(*in.linux_dt, carveouts, master_mmu, notes);
    mailbox << "  master: " << terminal(*in.linux_dt, in.linux_dt->rproc->mbox_path) << "\n";
    notes << "#   mailbox.master: " << in.linux_dt->file << " " << in.linux_dt->rproc->mbox_path
          << "\n";
  }
  if (in.zephyr_dt) {
    const auto ipc = in.zephyr_dt->chosen.find("zephyr,ipc");
    if (ipc == in.zephyr_dt->chosen.end())
      throw std::invalid_argument(in.zephyr_dt->file + ": /chosen has no zephyr,ipc");
    mailbox << "  remote: " << terminal(*in.zephyr_dt, ipc->second) << "\n";
    notes << "#   mailbox.remote: " << in.zephyr_dt->file << " " << ipc->second << "\n";
  }
  if (in.firmware) {
    remote_mmu << "  remote:\n    mmu:\n";
    firmware_part(*in.firmware, remote_mmu, software, notes);
  }
  std::ostringstream y;
  y << "name: " << quoted(in.name) << "\n" << carveouts.str();
  if (!mailbox.str().empty()) y << "mailbox:\n" << mailbox.str();
  if (!master_mmu.str().empty() || !remote_mmu.str().empty())
    y << "clusters:\n" << master_mmu.str() << remote_mmu.str();
  y << software.str();

  config::ConfigValue board = config::load_file(in.base_file);
  const config::ConfigValue overlay = config::load_string(y.str(), "import");
  config::merge_into(board, overlay);
  std::ostringstream out;
  out << "# Imported by `ipcsim import` onto the base board " << in.base_file << ":\n"
      << notes.str() << "# Everything else (clocks, caches, OS costs, latencies) is the base "
      << "board's. `ipcsim validate` this file with the same artefacts.\n"
      << config::to_yaml(board);
  return out.str();
}

} // namespace sim::app
