// SPDX-License-Identifier: Apache-2.0
// `ipcsim validate`: the remote firmware ELF against the board and the device trees.
#include <algorithm>

#include "sim/artefacts/table_facts.h"
#include "sim/port/validate_checks.h"
#include "sw/shm/layout.h"

namespace sim::app::checks {
namespace {

using artefacts::FirmwareImage;
using artefacts::ZephyrMemType;

std::string elf_source(const FirmwareImage& fw, const std::string& what) {
  return fw.file + " " + what;
}

/// A carve-out's extent from the Linux DT when given (what Linux uses), else from the board.
struct Extent {
  std::uint64_t base = 0;
  std::uint64_t size = 0;
  std::string source;
  bool found = false;
};

Extent extent(const ValidateInput& in, const char* board_name, const char* dt_name) {
  Extent e;
  if (in.linux_dt) {
    for (const artefacts::DtRegion& r : in.linux_dt->reserved)
      if (r.name == dt_name) return {r.base, r.size, in.linux_dt->file + " " + r.path, true};
  }
  if (const models::CarveoutConfig* c = in.board.carveout(board_name))
    return {c->base, c->size, board_source(in, *c), true};
  return e;
}

void check_table_address(const ValidateInput& in, const FirmwareImage& fw, Results& r) {
  if (!fw.resource_table) {
    r.error("elf.resource_table",
            "no `resource_table` symbol: Linux cannot be told where the "
            "table is (tcc,rsc-offset)",
            {fw.file});
    return;
  }
  const std::uint64_t sym = fw.resource_table->address;
  const std::string sym_src = elf_source(fw, "symbol resource_table");
  // Where Linux looks: the DT's rsc-table region + tcc,rsc-offset, else the board's.
  if (in.linux_dt && in.linux_dt->rproc && in.linux_dt->rproc->rsc_offset) {
    const Extent win = extent(in, "rsc_table", "rsc-table");
    const std::uint64_t off = *in.linux_dt->rproc->rsc_offset;
    const std::string dt_src = in.linux_dt->file + " " + in.linux_dt->rproc->path;
    if (win.found && win.base + off == sym)
      r.ok("elf.rsc_offset",
           "resource_table at " + hex(sym) + " = " + hex(win.base) + " + tcc,rsc-offset " +
               hex(off),
           {sym_src, dt_src});
    else if (win.found) {
      const bool inside = sym >= win.base && sym - win.base < win.size;
      r.error("elf.rsc_offset",
              "the linker put resource_table at " + hex(sym) + " but Linux reads the table at " +
                  hex(win.base + off) + " (" + hex(win.base) + " + tcc,rsc-offset " + hex(off) +
                  "): " +
                  (inside ? "set tcc,rsc-offset = <" + hex(sym - win.base) + ">"
                          : "the table lies outside the rsc-table region " +
                                range(win.base, win.size) + ": reserve a region that holds it"),
              {sym_src, dt_src, win.source});
    }
  }
  const std::string sw = board_key(in, "software.remote.resource_table.address");
  if (in.remote.image.rsc_table == sym)
    r.ok("elf.table_address", "resource_table at " + hex(sym) + " is the board's", {sym_src, sw});
  else
    r.error("elf.table_address",
            "resource_table is at " + hex(sym) + ", the board's software section says " +
                hex(in.remote.image.rsc_table),
            {sym_src, sw});
  const bool loaded = std::any_of(fw.segments.begin(), fw.segments.end(), [&](const auto& s) {
    return s.address <= sym && sym + fw.resource_table->size <= s.address + s.size;
  });
  if (!loaded)
    r.error("elf.table_loaded", "resource_table " + hex(sym) + " is in no loadable segment",
            {sym_src});
}

void check_rings(const ValidateInput& in, const FirmwareImage& fw, const artefacts::TableFacts& t,
                 Results& r) {
  const std::string tab = elf_source(fw, ".resource_table");
  if (!t.has_vdev) {
    r.error("elf.vdev", "the table has no vdev entry: no RPMsg device", {tab});
    return;
  }
  if (t.vdev_id != sw::shm::rsc::kVirtioIdRpmsg)
    r.error("elf.vdev", "vdev id " + std::to_string(t.vdev_id) + ", not VIRTIO_ID_RPMSG (7)",
            {tab});
  if (t.vrings.size() != 2) {
    r.error("elf.vrings",
            "the vdev has " + std::to_string(t.vrings.size()) + " vrings; virtio_rpmsg_bus needs 2",
            {tab});
    return;
  }
  if (t.vrings[0].num != t.vrings[1].num)
    r.error("elf.vring_num",
            "vring0 has " + std::to_string(t.vrings[0].num) + " entries, vring1 " +
                std::to_string(t.vrings[1].num) + ": virtio_rpmsg_bus uses one count for both",
            {tab});
  else
    r.ok("elf.vring_num", "both vrings have " + std::to_string(t.vrings[0].num) + " entries",
         {tab});
  if (t.vrings[0].notifyid == t.vrings[1].notifyid)
    r.error("elf.notifyid",
            "both vrings carry notify id " + std::to_string(t.vrings[0].notifyid) +
                ": a notification cannot name one ring (Zephyr's table uses VRING0_ID 0 and "
                "VRING1_ID 1)",
            {tab});
  const char* names[2][2] = {{"vdev0vring0", "vdev0vring0"}, {"vdev0vring1", "vdev0vring1"}};
  for (unsigned i = 0; i < 2; ++i) {
    const artefacts::VringFacts& v = t.vrings[i];
    const std::string id = "elf.vring" + std::to_string(i);
    if (v.num == 0 || (v.num & (v.num - 1)) != 0) {
      r.error(id,
              "vring" + std::to_string(i) + " has " + std::to_string(v.num) +
                  " entries: a virtqueue's length must be a power of two (Linux refuses it)",
              {tab});
      continue;
    }
    const Extent c = extent(in, names[i][0], names[i][1]);
    if (!c.found) continue;
    const std::uint64_t bytes = page_align(sw::shm::vring_size(v.num, v.align));
    const bool by_linux = v.da == sw::shm::rsc::kAddrAny;
    if (!by_linux && v.da != c.base)
      r.error(id,
              "vring" + std::to_string(i) + " da " + hex(v.da) + " is not the carve-out at " +
                  hex(c.base) + ": Linux places the ring at the carve-out, the remote at da",
              {tab, c.source});
    else if (bytes > c.size)
      r.error(id,
              "vring" + std::to_string(i) + ": " + std::to_string(v.num) + " entries aligned " +
                  std::to_string(v.align) + " need " + hex(bytes) +
                  " bytes (PAGE_ALIGN(vring_size)), the carve-out has " + hex(c.size),
              {tab, c.source});
    else
      r.ok(id,
           "vring" + std::to_string(i) + (by_linux ? " (allocated by Linux)" : " at " + hex(v.da)) +
               " (" + hex(bytes) + " bytes) fits its carve-out",
           {tab, c.source});
  }
  const Extent buf = extent(in, "vdev0buffer", "vdev0buffer");
  if (buf.found) {
    const std::uint64_t pool = 2ull * t.vrings[0].num * sw::shm::kRpmsgBufSize;
    if (pool > buf.size)
      r.error("elf.buffer_pool",
              "2 x " + std::to_string(t.vrings[0].num) + " x 512 = " + hex(pool) +
                  " bytes of buffers do not fit in " + hex(buf.size),
              {tab, buf.source});
    else
      r.ok("elf.buffer_pool",
           "2 x " + std::to_string(t.vrings[0].num) + " x 512 = " + hex(pool) +
               " bytes of buffers fit",
           {tab, buf.source});
  }
  const sw::zephyr::ZephyrOptions& img = in.remote.image;
  if (t.vrings[0].num != img.vring_num || t.vrings[0].align != img.vring_align)
    r.error("elf.board_table",
            "the image's rings have " + std::to_string(t.vrings[0].num) + " entries aligned " +
                std::to_string(t.vrings[0].align) + ", the board's software section says " +
                std::to_string(img.vring_num) + " aligned " + std::to_string(img.vring_align),
            {tab, board_key(in, "software.remote.resource_table")});
}

/// Linux 5.10 finds a trace buffer by its da among the carve-outs; one elsewhere fails the attach.
void check_traces(const ValidateInput& in, const FirmwareImage& fw, const artefacts::TableFacts& t,
                  Results& r) {
  const std::string tab = elf_source(fw, ".resource_table");
  for (const artefacts::TableFacts::Trace& trace : t.traces) {
    bool inside = false;
    for (const char* name : {"vdev0vring0", "vdev0vring1", "vdev0buffer"}) {
      const Extent c = extent(in, name, name);
      inside = inside || (c.found && trace.da >= c.base && trace.da - c.base < c.size &&
                          trace.len <= c.size - (trace.da - c.base));
    }
    if (inside)
      r.ok("elf.trace", "the trace buffer " + range(trace.da, trace.len) + " is in a carve-out",
           {tab});
    else
      r.error("elf.trace",
              "the trace entry's buffer " + range(trace.da, trace.len) +
                  " is in no carve-out: Linux 5.10 rejects the table (\"erroneous trace resource "
                  "entry\"; CONFIG_RAM_CONSOLE puts it in image memory)",
              {tab});
  }
}

void check_mmu(const ValidateInput& in, const FirmwareImage& fw, Results& r) {
  if (!fw.has_mmu_config) {
    r.warn("elf.mmu", "no mmu_config symbol: the image's MMU regions are not checked", {fw.file});
    return;
  }
  const std::string src = elf_source(fw, "mmu_config");
  const std::uint64_t readable = std::min(fw.mmu_regions_declared, FirmwareImage::kMaxMmuRegions);
  if (fw.mmu_regions.size() < readable)
    r.warn("elf.mmu",
           "mmu_config declares " + std::to_string(fw.mmu_regions_declared) + " regions but only " +
               std::to_string(fw.mmu_regions.size()) +
               " are in the image (its mmu_regions pointer leads outside it)",
           {src});
  if (fw.mmu_regions_declared > FirmwareImage::kMaxMmuRegions)
    r.warn("elf.mmu",
           "mmu_config declares " + std::to_string(fw.mmu_regions_declared) +
               " regions: only the first " + std::to_string(FirmwareImage::kMaxMmuRegions) +
               " are read",
           {src});
  const std::pair<const char*, const char*> shared[] = {{"vdev0vring0", "vdev0vring0"},
                                                        {"vdev0vring1", "vdev0vring1"},
                                                        {"vdev0buffer", "vdev0buffer"}};
  for (const auto& [board_name, dt_name] : shared) {
    const Extent c = extent(in, board_name, dt_name);
    if (!c.found) continue;
    const std::string id = std::string("elf.mmu.") + board_name;
    const std::vector<artefacts::MappedPiece> pieces =
        artefacts::effective_mapping(fw.mmu_regions, c.base, c.size);
    std::uint64_t mapped = 0;
    for (const artefacts::MappedPiece& p : pieces) mapped += p.end - p.begin;
    if (mapped < c.size) {
      r.error(id,
              std::string("no region of the image's mmu_regions holds ") +
                  (mapped == 0 ? "" : "all of ") + board_name + " " + range(c.base, c.size) +
                  ": the remote panics at its first access",
              {src, c.source});
      continue;
    }
    std::string regions, attrs;
    bool read_only = false, device = false;
    for (const artefacts::MappedPiece& p : pieces) {
      const std::string name = p.region->name.empty() ? "(unnamed)" : p.region->name;
      if (regions.find(name) == std::string::npos) regions += (regions.empty() ? "" : " + ") + name;
      std::string a = artefacts::board_attr_name(p.region->type());
      if (a == "normal_wt") a = "normal_wb"; // a cache policy here, cacheable like write-back
      if (attrs.find(a) == std::string::npos) attrs += (attrs.empty() ? "" : ", ") + a;
      read_only = read_only || (p.region->attrs & 0x8u) == 0;
      device = device || a == "device";
    }
    if (read_only) {
      r.error(id, regions + " maps " + board_name + " read-only: the remote's first store faults",
              {src});
      continue;
    }
    if (device) {
      r.warn(id, regions + " maps " + board_name + " as device memory: unaligned copies fault",
             {src});
      continue;
    }
    // The board must simulate what the image maps.
    std::string board_attrs;
    for (const models::MmuRegion& m : in.board.cluster(Side::kRemote).mmu) {
      if (m.base >= c.base + c.size || m.end() <= c.base) continue;
      const std::string a = models::mem_attr_name(m.attr);
      if (board_attrs.find(a) == std::string::npos)
        board_attrs += (board_attrs.empty() ? "" : ", ") + a;
    }
    if (board_attrs != attrs)
      r.error(id,
              regions + " maps " + board_name + " " + attrs + ", the board's remote MMU map " +
                  (board_attrs.empty() ? "nothing" : board_attrs),
              {src, board_key(in, "clusters.remote.mmu")});
    else
      r.ok(id, regions + " maps " + board_name + " " + attrs + ", as the board does",
           {src, board_key(in, "clusters.remote.mmu")});
  }
}

} // namespace

void check_firmware(const ValidateInput& in, const FirmwareImage& fw, Results& r) {
  check_table_address(in, fw, r);
  if (fw.rsc_section.empty()) {
    r.error("elf.section", "no .resource_table section (or it is empty)", {fw.file});
  } else {
    const std::uint64_t base = fw.rsc_section_address.value_or(0);
    const artefacts::TableFacts t = artefacts::read_table_facts(fw.rsc_section, base);
    const std::string tab = elf_source(fw, ".resource_table");
    if (!t.ok && (t.error.rfind("resource table version", 0) == 0 ||
                  t.error.rfind("resource table reserved", 0) == 0)) {
      // rproc_handle_resources (v5.10) never looks at the header's version or reserved words;
      // the ELF boot path (rproc_elf_find_rsc_table) and later kernels do (rpmsg-protocol.md §6.7).
      r.error("elf.table",
              "the table's header is wrong: " + t.error +
                  " (Linux 5.10 attaching does not check it and goes on with what it reads; "
                  "booting the ELF, or a later kernel, refuses it)",
              {tab});
    } else if (!t.ok) {
      r.error("elf.table", "Linux rejects the table: " + t.error, {tab});
    } else {
      r.ok("elf.table",
           "version " + std::to_string(t.version) + ", " + std::to_string(t.entries) +
               " entries, " + std::to_string(t.size) + " bytes: Linux accepts it",
           {tab});
      for (const std::string& w : t.warnings) r.warn("elf.table", w, {tab});
      if (in.linux_dt && in.linux_dt->rproc && in.linux_dt->rproc->rsc_size &&
          t.size > *in.linux_dt->rproc->rsc_size)
        r.error("elf.rsc_size",
                "the table spans " + std::to_string(t.size) + " bytes, tcc,rsc-size is " +
                    hex(*in.linux_dt->rproc->rsc_size),
                {tab, in.linux_dt->file + " " + in.linux_dt->rproc->path});
      check_rings(in, fw, t, r);
      check_traces(in, fw, t, r);
    }
  }
  check_mmu(in, fw, r);
}

} // namespace sim::app::checks
