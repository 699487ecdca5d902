// SPDX-License-Identifier: Apache-2.0
// `ipcsim validate`, the board and its software section alone.
#include <algorithm>

#include "sim/port/validate_checks.h"
#include "sw/shm/layout.h"

namespace sim::app::checks {
namespace {

/// The regions of `mmu` that together map all of [base, base + size), in address order; empty
/// when some byte is unmapped. (A board's regions never overlap: the loader refuses that.)
std::vector<const models::MmuRegion*> covering(const std::vector<models::MmuRegion>& mmu,
                                               std::uint64_t base, std::uint64_t size) {
  std::vector<const models::MmuRegion*> sorted;
  for (const models::MmuRegion& r : mmu) sorted.push_back(&r);
  std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->base < b->base; });
  std::vector<const models::MmuRegion*> used;
  std::uint64_t at = base;
  const std::uint64_t end = base + size;
  for (const models::MmuRegion* r : sorted) {
    if (at >= end) break;
    if (r->base <= at && at < r->end()) {
      used.push_back(r);
      at = r->end();
    }
  }
  return at >= end ? used : std::vector<const models::MmuRegion*>{};
}

/// "VRING1" or "VDEV0A + VDEV0B".
std::string names(const std::vector<const models::MmuRegion*>& regions) {
  std::string s;
  for (const auto* r : regions) s += (s.empty() ? "" : " + ") + r->name;
  return s;
}

void check_placement(const ValidateInput& in, Results& r) {
  const models::BoardConfig& b = in.board;
  for (const models::CarveoutConfig& c : b.carveouts) {
    const bool in_dram = std::any_of(b.memory.begin(), b.memory.end(), [&](const auto& m) {
      return m.base <= c.base && c.base + c.size <= m.base + m.memory.size;
    });
    if (in_dram)
      r.ok("dram." + c.name, c.name + " " + range(c.base, c.size) + " is in DRAM",
           {board_source(in, c)});
    else
      r.error("dram." + c.name,
              c.name + " " + range(c.base, c.size) + " is outside every DRAM bank",
              {board_source(in, c)});
  }
  for (std::size_t i = 0; i < b.carveouts.size(); ++i)
    for (std::size_t j = i + 1; j < b.carveouts.size(); ++j) {
      const auto& x = b.carveouts[i];
      const auto& y = b.carveouts[j];
      if (x.base < y.base + y.size && y.base < x.base + x.size)
        r.error("overlap." + x.name + "." + y.name,
                x.name + " " + range(x.base, x.size) + " overlaps " + y.name + " " +
                    range(y.base, y.size),
                {board_source(in, x), board_source(in, y)});
    }
}

void check_table_address(const ValidateInput& in, Results& r) {
  const models::CarveoutConfig* win = in.board.carveout("rsc_table");
  if (win == nullptr || !win->rsc_offset) return;
  const std::uint64_t expected = win->base + *win->rsc_offset;
  const std::uint64_t table = in.remote.image.rsc_table;
  const std::string sw = board_key(in, "software.remote.resource_table.address");
  if (table == expected)
    r.ok("rsc_address",
         "the image's table at " + hex(table) + " is where Linux looks (rsc_table " +
             hex(win->base) + " + rsc_offset " + hex(*win->rsc_offset) + ")",
         {board_source(in, *win), sw});
  else
    r.error("rsc_address",
            "Linux looks for the table at " + hex(expected) + " (rsc_table " + hex(win->base) +
                " + rsc_offset " + hex(*win->rsc_offset) + ") but the image has it at " +
                hex(table) +
                ": Linux 5.10 takes whatever is there for the table (it does not check the "
                "header's version) and, finding no vdev, attaches with no virtio device",
            {board_source(in, *win), sw});
  // The window must hold rsc_size bytes from rsc_offset, and those the whole table (overflow-free).
  const std::uint64_t off = *win->rsc_offset;
  const std::uint64_t table_bytes =
      sw::shm::rsc::ZephyrTableLayout{in.remote.image.ram_console ? 2u : 1u}.size();
  const std::uint64_t room = off < win->size ? win->size - off : 0;
  if (win->rsc_size && *win->rsc_size > room)
    r.error("rsc_window",
            "rsc_offset " + hex(off) + " + rsc_size " + hex(*win->rsc_size) +
                " runs past the rsc_table window (" + hex(win->size) + " bytes)",
            {board_source(in, *win)});
  const std::uint64_t readable = std::min(room, win->rsc_size.value_or(room));
  if (table_bytes > readable)
    r.error("rsc_table_size",
            "the image's table is " + std::to_string(table_bytes) + " bytes but Linux reads only " +
                std::to_string(readable) + " (rsc_size, or what the window holds from rsc_offset)",
            {board_source(in, *win), sw});
  if (in.remote.image.ram_console)
    r.error("ram_console",
            "CONFIG_RAM_CONSOLE adds a trace entry whose buffer is image memory, in no carve-out: "
            "Linux 5.10 rejects the table (\"erroneous trace resource entry\")",
            {board_key(in, "software.remote.resource_table.ram_console")});
}

void check_rings(const ValidateInput& in, Results& r) {
  const sw::zephyr::ZephyrOptions& img = in.remote.image;
  const std::uint64_t ring_bytes = page_align(sw::shm::vring_size(img.vring_num, img.vring_align));
  const std::string sw = board_key(in, "software.remote.resource_table");
  const std::pair<const char*, std::uint64_t> rings[] = {{"vdev0vring0", img.vring0},
                                                         {"vdev0vring1", img.vring1}};
  for (const auto& [name, da] : rings) {
    const models::CarveoutConfig* c = in.board.carveout(name);
    if (c == nullptr) continue;
    const bool by_linux = da == sw::shm::rsc::kAddrAny;
    if (!by_linux && da != c->base) {
      r.error(std::string("vring_da.") + name,
              std::string(name) + ": the table says da " + hex(da) + ", the carve-out is at " +
                  hex(c->base),
              {sw, board_source(in, *c)});
    } else if (ring_bytes > c->size) {
      // Allocated by Linux or not, the ring lives in its carve-out.
      r.error(std::string("vring_size.") + name,
              std::string(name) + ": a ring of " + std::to_string(img.vring_num) +
                  " entries aligned " + std::to_string(img.vring_align) + " needs " +
                  hex(ring_bytes) + " bytes (PAGE_ALIGN(vring_size)), the carve-out has " +
                  hex(c->size),
              {sw, board_source(in, *c)});
    } else {
      r.ok(std::string("vring.") + name,
           std::string(name) + (by_linux ? " (allocated by Linux)" : " at " + hex(da)) + ": " +
               hex(ring_bytes) + " bytes fit in " + hex(c->size),
           {sw, board_source(in, *c)});
    }
  }
  if (const models::CarveoutConfig* buf = in.board.carveout("vdev0buffer")) {
    const std::uint64_t pool = 2ull * img.vring_num * sw::shm::kRpmsgBufSize;
    if (pool > buf->size)
      r.error("buffer_pool",
              "Linux allocates 2 x " + std::to_string(img.vring_num) + " x 512 = " + hex(pool) +
                  " bytes of buffers, vdev0buffer has " + hex(buf->size) + ": rpmsg probe fails",
              {sw, board_source(in, *buf)});
    else
      r.ok("buffer_pool",
           "2 x " + std::to_string(img.vring_num) + " x 512 = " + hex(pool) +
               " bytes of buffers fit in vdev0buffer (" + hex(buf->size) + ")",
           {sw, board_source(in, *buf)});
  }
}

void check_mmu(const ValidateInput& in, Results& r) {
  for (Side s : kSides) {
    const models::ClusterBoardConfig* side = &in.board.cluster(s);
    const bool remote = s == Side::kRemote;
    for (const models::CarveoutConfig& c : in.board.carveouts) {
      // The remote reaches its table through the image mapping: check the table's bytes.
      std::uint64_t base = c.base, size = c.size;
      if (c.name == "rsc_table" && remote) {
        base = in.remote.image.rsc_table;
        size = sw::shm::rsc::ZephyrTableLayout{in.remote.image.ram_console ? 2u : 1u}.size();
      }
      const std::string id = "mmu." + side->name + "." + c.name;
      const std::string where = board_key(in, "clusters." + side->name + ".mmu");
      const std::vector<const models::MmuRegion*> ms = covering(side->mmu, base, size);
      if (ms.empty()) {
        r.error(id,
                side->name + " maps no region holding " + c.name + " " + range(base, size) +
                    ": its first access faults",
                {where, board_source(in, c)});
        continue;
      }
      const bool cacheable = std::any_of(ms.begin(), ms.end(), [](const auto* m) {
        return m->attr == models::MemAttr::kNormalWb;
      });
      std::string attrs;
      for (const auto* m : ms) {
        const std::string a = models::mem_attr_name(m->attr);
        if (attrs.find(a) == std::string::npos) attrs += (attrs.empty() ? "" : ", ") + a;
      }
      if (!remote && cacheable) {
        r.error(id,
                "Linux maps " + c.name + " cacheable (" + names(ms) +
                    ", normal_wb) and does no cache maintenance on it: the remote's writes go "
                    "unseen",
                {where});
      } else if (remote && cacheable && !in.remote.image.dcache) {
        r.error(id,
                "the remote maps " + c.name + " cacheable (" + names(ms) +
                    ", normal_wb) but OpenAMP does no cache maintenance (openamp.dcache "
                    "false): stale reads and unseen writes (real-bugs B1, B14)",
                {where, board_key(in, "software.remote.openamp.dcache")});
      } else {
        r.ok(id, side->name + " maps " + c.name + " through " + names(ms) + " (" + attrs + ")",
             {where});
      }
    }
  }
}

/// real-bugs B6: avail and used in one cache line of a ring the remote maps cacheable.
void check_false_sharing(const ValidateInput& in, Results& r) {
  const sw::zephyr::ZephyrOptions& img = in.remote.image;
  const std::uint64_t line = in.board.cluster(Side::kRemote).dcache.line;
  std::string rings;
  for (const char* ring : {"vdev0vring0", "vdev0vring1"}) {
    const models::CarveoutConfig* c = in.board.carveout(ring);
    if (c == nullptr) continue;
    const auto ms = covering(in.board.cluster(Side::kRemote).mmu, c->base, c->size);
    if (std::any_of(ms.begin(), ms.end(),
                    [](const auto* m) { return m->attr == models::MemAttr::kNormalWb; }))
      rings += (rings.empty() ? "" : " and ") + std::string(ring);
  }
  if (rings.empty()) return;
  sw::shm::VringLayout layout{img.vring_num, img.vring_align};
  const std::uint64_t avail_end = layout.used_event() + 2;
  const std::uint64_t used = layout.used();
  const std::vector<std::string> sources = {
      board_key(in, "software.remote.resource_table.vring_align"),
      board_key(in, "clusters.remote.dcache.line")};
  if (img.vring_align < line && (avail_end - 1) / line == used / line)
    r.warn("vring_align",
           "vring_align " + std::to_string(img.vring_align) + " is below the remote's " +
               std::to_string(line) + "-byte cache line: in " + rings +
               " the avail ring's end (to +" + hex(avail_end) + ") and the used ring (from +" +
               hex(used) +
               ") share a line the remote cleans and invalidates while Linux writes it "
               "(real-bugs B6); use vring_align >= " +
               std::to_string(line),
           sources);
  else
    r.ok("vring_align", "the avail and used rings do not share a cache line", sources);
}

} // namespace

std::string board_source(const ValidateInput& in, const models::CarveoutConfig& c) {
  const std::string loc = c.loc.file ? c.loc.str() : in.board_file;
  return loc + " " + (c.path.empty() ? "carveouts." + c.name : c.path);
}

std::string board_key(const ValidateInput& in, const std::string& key) {
  return in.board_file + " " + key;
}

void check_board(const ValidateInput& in, Results& r) {
  check_placement(in, r);
  check_table_address(in, r);
  check_rings(in, r);
  check_mmu(in, r);
  check_false_sharing(in, r);
}

} // namespace sim::app::checks
