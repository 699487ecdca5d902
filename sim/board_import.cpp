// SPDX-License-Identifier: Apache-2.0
#include "sim/board_import.h"

#include <algorithm>
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
      y << ", rsc_offset: " << hex(*rp.rsc_offset)
        << ", rsc_size: " << hex(rp.rsc_size.value_or(it->size - *rp.rsc_offset));
    }
    y << " }\n";
    lo = std::min(lo, it->base);
    hi = std::max(hi, it->end());
    notes << "#   carveouts." << key << ": " << dt.file << " " << it->path << "\n";
  }
  // Linux maps the window write-combining: one Normal-NC region, the memory node when it covers
  // every carve-out, else their hull.
  for (const DtRegion& m : dt.memory)
    if (m.base <= lo && hi <= m.end()) {
      lo = m.base;
      hi = m.end();
    }
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
  software << "software:\n  remote:\n    resource_table: { address: "
           << hex(fw.resource_table->address) << ", vring_num: " << t.vrings[0].num
           << ", vring_align: " << t.vrings[0].align << ", vring0: " << hex(t.vrings[0].da)
           << ", vring1: " << hex(t.vrings[1].da) << " }\n";
  notes << "#   software.remote.resource_table: " << fw.file
        << " (symbol resource_table, section .resource_table)\n";
  // The image as loaded (page-aligned hull of its segments), then Zephyr's normal-memory regions.
  std::uint64_t lo = UINT64_MAX, hi = 0;
  for (const artefacts::ElfSegment& s : fw.segments) {
    lo = std::min(lo, s.address);
    hi = std::max(hi, s.address + s.size);
  }
  if (lo >= hi) throw std::invalid_argument(fw.file + ": no loadable segment");
  lo &= ~(kPage - 1);
  hi = (hi + kPage - 1) & ~(kPage - 1);
  remote_mmu << "      - { name: image, base: " << hex(lo) << ", size: " << hex(hi - lo)
             << ", attr: normal_wb }\n";
  for (const artefacts::ZephyrMmuRegion& m : fw.mmu_regions) {
    const std::string attr = artefacts::board_attr_name(m.type());
    if (attr == "device" || attr == "unknown") continue; // devices are mapped by the board
    if (m.base_pa < hi && lo < m.end()) continue;        // inside the image
    // Write-through is a cache policy here, not an MMU attribute: cacheable like write-back.
    remote_mmu << "      - { name: " << (m.name.empty() ? "region" : m.name)
               << ", base: " << hex(m.base_pa) << ", size: " << hex(m.size)
               << ", attr: " << (attr == "normal_wt" ? "normal_wb" : attr) << " }\n";
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
  y << "name: " << in.name << "\n" << carveouts.str();
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
