// SPDX-License-Identifier: Apache-2.0
// `ipcsim validate`: the Linux and Zephyr device trees against the board (and each other).
#include <algorithm>

#include "sim/port/validate_checks.h"

namespace sim::app::checks {
namespace {

using artefacts::DeviceTree;
using artefacts::DtRegion;

std::string dt_source(const DeviceTree& dt, const std::string& path) {
  return dt.file + " " + path;
}

/// The board's carve-out names and the Zephyr overlay's region names for the same memory.
struct SharedRegion {
  const char* board;  ///< carveouts.<board>
  const char* linux;  ///< the Linux DT node name (before '@')
  const char* zephyr; ///< zephyr,memory-region
};
constexpr SharedRegion kRegions[] = {{"rsc_table", "rsc-table", nullptr},
                                     {"vdev0vring0", "vdev0vring0", "VRING0"},
                                     {"vdev0vring1", "vdev0vring1", "VRING1"},
                                     {"vdev0buffer", "vdev0buffer", "VDEV0BUFFER"}};

const DtRegion* by_name(const DeviceTree& dt, const std::string& name) {
  for (const DtRegion& r : dt.reserved)
    if (r.name == name) return &r;
  return nullptr;
}

const DtRegion* by_zephyr_name(const DeviceTree& dt, const std::string& name) {
  for (const DtRegion& r : dt.reserved)
    if (r.zephyr_name == name) return &r;
  return nullptr;
}

/// One end of a comparison: what it is called there, its extent, where it is written.
struct RegionView {
  std::string name;
  std::uint64_t base = 0;
  std::uint64_t size = 0;
  std::string source;
};

/// Same base and size in two sources, or the error naming both.
void compare_region(Results& r, const std::string& id, const RegionView& a, const RegionView& b) {
  if (a.base == b.base && a.size == b.size)
    r.ok(id, a.name + " " + range(a.base, a.size) + " = " + b.name, {a.source, b.source});
  else
    r.error(id,
            a.name + " is " + range(a.base, a.size) + " but " + b.name + " is " +
                range(b.base, b.size),
            {a.source, b.source});
}

void check_dt_overlaps(const DeviceTree& dt, Results& r) {
  for (std::size_t i = 0; i < dt.reserved.size(); ++i)
    for (std::size_t j = i + 1; j < dt.reserved.size(); ++j) {
      const DtRegion& a = dt.reserved[i];
      const DtRegion& b = dt.reserved[j];
      if (a.base < b.end() && b.base < a.end())
        r.error("dt.overlap",
                a.path + " " + range(a.base, a.size) + " overlaps " + b.path + " " +
                    range(b.base, b.size),
                {dt_source(dt, a.path), dt_source(dt, b.path)});
    }
}

void check_mailbox(const ValidateInput& in, const DeviceTree& dt, const std::string& path,
                   sim::Side which, Results& r) {
  const models::MailboxTerminalConfig& terminal = in.board.mailbox.terminal(which);
  const std::string side = side_name(which);
  const std::string key = board_key(in, "mailbox." + side);
  const auto it = std::find_if(dt.mailboxes.begin(), dt.mailboxes.end(),
                               [&](const auto& m) { return m.path == path; });
  if (it == dt.mailboxes.end()) {
    r.error("dt.mbox." + side,
            "the mailbox " + (path.empty() ? "phandle" : path) +
                " is not a mailbox node (#mbox-cells) of this tree",
            {dt.file});
    return;
  }
  if (it->base != terminal.base) {
    r.error("dt.mbox." + side,
            "the mailbox " + it->path + " is at " + hex(it->base) + ", the board's " + side +
                " terminal at " + hex(terminal.base),
            {dt_source(dt, it->path), key});
    return;
  }
  const std::vector<std::uint32_t> want = {terminal.irq_rx, terminal.irq_tx};
  if (!it->interrupts.empty() && it->interrupts != want) {
    std::string got;
    for (std::uint32_t i : it->interrupts) got += (got.empty() ? "" : ", ") + std::to_string(i);
    r.error("dt.mbox." + side,
            "the mailbox " + it->path + " interrupts are SPI " + got + ", the board's " + side +
                " terminal uses " + std::to_string(terminal.irq_rx) + " (rx) and " +
                std::to_string(terminal.irq_tx) + " (tx)",
            {dt_source(dt, it->path), key});
    return;
  }
  r.ok("dt.mbox." + side,
       "mailbox " + it->path + " at " + hex(it->base) + " is the board's " + side + " terminal",
       {dt_source(dt, it->path), key});
}

} // namespace

void check_linux_dt(const ValidateInput& in, const DeviceTree& dt, Results& r) {
  for (const SharedRegion& s : kRegions) {
    const models::CarveoutConfig* c = in.board.carveout(s.board);
    const DtRegion* d = by_name(dt, s.linux);
    if (c == nullptr) continue;
    if (d == nullptr) {
      r.error(std::string("dt.linux.") + s.board,
              std::string("no /reserved-memory/") + s.linux + "@... node for carve-out " + s.board +
                  " (the rproc driver finds its regions by these node names)",
              {dt.file, board_source(in, *c)});
      continue;
    }
    compare_region(r, std::string("dt.linux.") + s.board,
                   {d->path, d->base, d->size, dt_source(dt, d->path)},
                   {std::string("the board's ") + s.board, c->base, c->size, board_source(in, *c)});
    if (!d->no_map)
      r.error(std::string("dt.no_map.") + s.board,
              d->path + " has no `no-map`: Linux keeps it in its cacheable linear map",
              {dt_source(dt, d->path)});
  }
  check_dt_overlaps(dt, r);
  if (!dt.rproc) {
    r.error("dt.rproc", "no remoteproc node (a node with memory-region and mboxes)", {dt.file});
    return;
  }
  const artefacts::DtRproc& rp = *dt.rproc;
  const std::string rp_src = dt_source(dt, rp.path);
  for (std::size_t i = 0; i < rp.memory_regions.size(); ++i)
    if (rp.memory_regions[i].empty())
      r.error("dt.memory_region",
              "memory-region entry " + std::to_string(i) + " (phandle " +
                  std::to_string(rp.memory_region_phandles[i]) + ") points at no node",
              {rp_src});
  for (const SharedRegion& s : kRegions) {
    const DtRegion* d = by_name(dt, s.linux);
    if (d == nullptr) continue;
    const bool listed = std::find(rp.memory_regions.begin(), rp.memory_regions.end(), d->path) !=
                        rp.memory_regions.end();
    if (listed)
      r.ok(std::string("dt.memory_region.") + s.board, rp.path + " memory-region lists " + d->path,
           {rp_src});
    else
      r.error(std::string("dt.memory_region.") + s.board,
              rp.path + " memory-region does not list " + d->path +
                  ": tcc_rproc fails to find it at probe",
              {rp_src, dt_source(dt, d->path)});
  }
  if (const models::CarveoutConfig* win = in.board.carveout("rsc_table")) {
    struct Property {
      const char* board;
      const char* dt;
      std::optional<std::uint64_t> board_value;
      std::optional<std::uint64_t> dt_value;
    };
    const Property props[] = {{"rsc_offset", "tcc,rsc-offset", win->rsc_offset, rp.rsc_offset},
                              {"rsc_size", "tcc,rsc-size", win->rsc_size, rp.rsc_size}};
    for (const Property& p : props) {
      const std::string id = std::string("dt.") + p.board;
      if (!p.dt_value)
        r.error(id, rp.path + " has no " + p.dt, {rp_src});
      else if (p.board_value && *p.board_value != *p.dt_value)
        r.error(id,
                std::string(p.dt) + " is " + hex(*p.dt_value) +
                    ", the board's carveouts.rsc_table." + p.board + " is " + hex(*p.board_value),
                {rp_src, board_source(in, *win)});
      else
        r.ok(id, std::string(p.dt) + " " + hex(*p.dt_value) + " agrees",
             {rp_src, board_source(in, *win)});
    }
  }
  check_mailbox(in, dt, rp.mbox_path, sim::Side::kMaster, r);
}

void check_zephyr_dt(const ValidateInput& in, const DeviceTree& dt, Results& r) {
  for (const SharedRegion& s : kRegions) {
    if (s.zephyr == nullptr) continue; // the table lives in the image, not in a region
    const models::CarveoutConfig* c = in.board.carveout(s.board);
    const DtRegion* z = by_zephyr_name(dt, s.zephyr);
    if (c == nullptr) continue;
    if (z == nullptr) {
      r.error(std::string("dt.zephyr.") + s.zephyr,
              std::string("no node with zephyr,memory-region = \"") + s.zephyr + "\" for " +
                  s.board,
              {dt.file, board_source(in, *c)});
      continue;
    }
    const RegionView zephyr{std::string(s.zephyr) + " " + z->path, z->base, z->size,
                            dt_source(dt, z->path)};
    compare_region(r, std::string("dt.zephyr.") + s.zephyr, zephyr,
                   {std::string("the board's ") + s.board, c->base, c->size, board_source(in, *c)});
    if (in.linux_dt) {
      if (const DtRegion* l = by_name(*in.linux_dt, s.linux))
        compare_region(r, std::string("dt.zephyr_linux.") + s.zephyr, zephyr,
                       {"Linux's " + l->path, l->base, l->size, dt_source(*in.linux_dt, l->path)});
    }
  }
  const auto shm = dt.chosen.find("zephyr,ipc_shm");
  const DtRegion* buffers = by_zephyr_name(dt, "VDEV0BUFFER");
  if (shm == dt.chosen.end())
    r.error("dt.ipc_shm", "/chosen has no zephyr,ipc_shm", {dt_source(dt, "/chosen")});
  else if (buffers == nullptr || shm->second != buffers->path)
    r.error("dt.ipc_shm",
            "/chosen zephyr,ipc_shm is " + shm->second + ", not the VDEV0BUFFER region" +
                (buffers != nullptr ? " " + buffers->path : std::string()),
            {dt_source(dt, "/chosen")});
  else
    r.ok("dt.ipc_shm", "/chosen zephyr,ipc_shm is VDEV0BUFFER " + buffers->path,
         {dt_source(dt, "/chosen")});
  const auto ipc = dt.chosen.find("zephyr,ipc");
  if (ipc == dt.chosen.end())
    r.error("dt.ipc", "/chosen has no zephyr,ipc (the IPM mailbox)", {dt_source(dt, "/chosen")});
  else
    check_mailbox(in, dt, ipc->second, sim::Side::kRemote, r);
  check_dt_overlaps(dt, r);
}

} // namespace sim::app::checks
