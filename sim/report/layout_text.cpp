// SPDX-License-Identifier: Apache-2.0
#include "sim/report/layout_text.h"

#include <cstdio>
#include <sstream>

#include "models/common/units.h"

namespace sim::app {
namespace {

// How `side` maps [base, base+size): its MMU attribute, or why it cannot access it.
std::string side_view(const models::ClusterBoardConfig& c, std::uint64_t base, std::uint64_t size) {
  models::MmuMap map;
  for (const models::MmuRegion& r : c.mmu) map.add(r);
  if (const models::MmuRegion* r = map.lookup(base, size))
    return std::string(models::mem_attr_name(r->attr)) + " (" + r->name + ")";
  for (const models::MmuRegion& r : c.mmu)
    if (base < r.end() && r.base < base + size) return "PARTLY MAPPED (" + r.name + ")";
  return "UNMAPPED: access faults";
}

} // namespace

std::string layout_text(const models::BoardConfig& b) {
  std::ostringstream os;
  char buf[256];
  os << "board " << b.name << "\n\n";
  os << "memory\n";
  for (const models::MemoryBankConfig& m : b.memory)
    os << "  " << m.memory.name << "  " << format_hex(m.base) << " + "
       << format_bytes(m.memory.size) << "\n";
  os << "\nshared carve-outs                                 master view              remote "
        "view\n";
  for (const models::CarveoutConfig& c : b.carveouts) {
    std::snprintf(buf, sizeof buf, "  %-12s %s-%s %8s   %-24s %s\n", c.name.c_str(),
                  format_hex(c.base).c_str(), format_hex(c.base + c.size - 1).c_str(),
                  format_bytes(c.size).c_str(),
                  side_view(b.cluster(Side::kMaster), c.base, c.size).c_str(),
                  side_view(b.cluster(Side::kRemote), c.base, c.size).c_str());
    os << buf;
    if (c.rsc_offset) {
      std::uint64_t at = c.base + *c.rsc_offset;
      std::snprintf(buf, sizeof buf, "    resource table at %s (rsc_offset %s, rsc_size %s)\n",
                    format_hex(at).c_str(), format_hex(*c.rsc_offset, 1).c_str(),
                    format_hex(*c.rsc_size, 1).c_str());
      os << buf;
    }
  }
  for (const models::ClusterBoardConfig& cluster : b.clusters) {
    const models::ClusterBoardConfig* c = &cluster;
    os << "\n"
       << c->name << " cluster: " << c->cores << " core(s) at "
       << static_cast<double>(c->clock_hz) / 1e9 << " GHz, D-cache " << format_bytes(c->dcache.size)
       << " " << c->dcache.ways << "-way " << c->dcache.line << " B lines\n";
    os << "  MMU regions\n";
    for (const models::MmuRegion& r : c->mmu) {
      std::snprintf(buf, sizeof buf, "    %-12s %s-%s  %s\n", r.name.c_str(),
                    format_hex(r.base).c_str(), format_hex(r.end() - 1).c_str(),
                    models::mem_attr_name(r.attr));
      os << buf;
    }
    if (c->side) {
      const models::MailboxTerminalConfig& t = b.mailbox.terminal(*c->side);
      os << "  mailbox terminal " << format_hex(t.base) << " (rx SPI " << t.irq_rx << ", tx SPI "
         << t.irq_tx << ")\n";
    }
    if (c->uart)
      os << "  console UART " << format_hex(c->uart->base) << " at " << c->uart->model.baud
         << " Bd\n";
  }
  // Which side must do cache maintenance: any carve-out a side maps write-back.
  os << "\nnotes\n";
  bool any = false;
  for (const models::CarveoutConfig& c : b.carveouts) {
    for (const models::ClusterBoardConfig& cluster : b.clusters) {
      const models::ClusterBoardConfig* side = &cluster;
      std::string view = side_view(*side, c.base, c.size);
      if (view.rfind("normal_wb", 0) == 0) {
        os << "  " << side->name << " maps " << c.name
           << " write-back: its software must clean after writing and invalidate before reading\n";
        any = true;
      } else if (view.rfind("UNMAPPED", 0) == 0 || view.rfind("PARTLY", 0) == 0) {
        os << "  " << side->name << " cannot access all of " << c.name << " (" << view << ")\n";
        any = true;
      }
    }
  }
  if (!any) os << "  none\n";
  return os.str();
}

} // namespace sim::app
