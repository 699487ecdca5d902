// SPDX-License-Identifier: Apache-2.0
#include "sw/shm/symbol_map.h"

#include <algorithm>
#include <map>
#include <stdexcept>

#include "sw/shm/hex.h"
#include "sw/shm/le_bytes.h"
#include "sw/shm/resource_table_image.h"

namespace sim::sw::shm {
namespace {

std::string idx(const std::string& name, std::uint64_t i) {
  return name + "[" + std::to_string(i) + "]";
}

/// Appends symbols for bytes of a table of `size` bytes, dropping fields beyond its end.
class TableNamer {
public:
  TableNamer(hal::Addr base, std::size_t size, std::vector<Symbol>& out)
      : base_(base), size_(size), out_(out) {}

  void field(std::uint64_t off, std::uint64_t size, std::string name) {
    if (size == 0 || off + size > size_) return;
    out_.push_back({base_ + off, size, std::move(name)});
  }

private:
  hal::Addr base_;
  std::size_t size_;
  std::vector<Symbol>& out_;
};

std::string entry_kind(std::uint32_t type) {
  switch (type) {
  case rsc::kCarveout:
    return "carveout";
  case rsc::kDevmem:
    return "devmem";
  case rsc::kTrace:
    return "trace";
  case rsc::kVdev:
    return "vdev";
  default:
    return "";
  }
}

void name_vdev(TableNamer& t, const std::vector<std::uint8_t>& table, std::uint64_t off,
               const std::string& p) {
  t.field(off + rsc::kVdevId, 4, p + ".id");
  t.field(off + rsc::kVdevNotifyId, 4, p + ".notifyid");
  t.field(off + rsc::kVdevDfeatures, 4, p + ".dfeatures");
  t.field(off + rsc::kVdevGfeatures, 4, p + ".gfeatures");
  t.field(off + rsc::kVdevConfigLen, 4, p + ".config_len");
  t.field(off + rsc::kVdevStatus, 1, p + ".status");
  t.field(off + rsc::kVdevNumOfVrings, 1, p + ".num_of_vrings");
  t.field(off + rsc::kVdevReserved, 2, p + ".reserved");
  if (off + rsc::kVdevFixedSize > table.size()) return;
  std::uint32_t nvrings = table[off + rsc::kVdevNumOfVrings];
  std::uint32_t config_len = load_le32(&table[off + rsc::kVdevConfigLen]);
  for (std::uint32_t j = 0; j < nvrings; ++j) {
    std::uint64_t v = off + rsc::kVdevVrings + rsc::kVringSize * j;
    std::string vp = idx(p + ".vring", j);
    t.field(v + rsc::kVringDa, 4, vp + ".da");
    t.field(v + rsc::kVringAlign, 4, vp + ".align");
    t.field(v + rsc::kVringNum, 4, vp + ".num");
    t.field(v + rsc::kVringNotifyId, 4, vp + ".notifyid");
    t.field(v + rsc::kVringReserved, 4, vp + ".reserved");
  }
  t.field(off + rsc::kVdevVrings + std::uint64_t{rsc::kVringSize} * nvrings, config_len,
          p + ".config");
}

} // namespace

std::vector<Symbol> resource_table_symbols(hal::Addr base, const std::vector<std::uint8_t>& table) {
  std::vector<Symbol> out;
  TableNamer t(base, table.size(), out);
  t.field(rsc::kHdrVer, 4, "rsc.ver");
  t.field(rsc::kHdrNum, 4, "rsc.num");
  t.field(rsc::kHdrReserved, 4, "rsc.reserved[0]");
  t.field(rsc::kHdrReserved + 4, 4, "rsc.reserved[1]");
  if (table.size() < rsc::kHdrSize) return out;
  std::uint32_t num = load_le32(&table[rsc::kHdrNum]);
  // Entries are named by type; a type seen more than once gets an index on every occurrence.
  struct Entry {
    std::uint32_t index, offset, type;
  };
  std::vector<Entry> entries;
  std::map<std::uint32_t, unsigned> per_type;
  for (std::uint32_t i = 0; i < num; ++i) {
    std::uint64_t slot = rsc::kHdrOffsets + 4ull * i;
    if (slot + 4 > table.size()) break;
    t.field(slot, 4, idx("rsc.offset", i));
    std::uint32_t off = load_le32(&table[slot]);
    if (std::uint64_t{off} + 4 > table.size()) continue;
    std::uint32_t type = load_le32(&table[off]);
    entries.push_back({i, off, type});
    ++per_type[type];
  }
  std::map<std::uint32_t, unsigned> seen;
  for (const Entry& e : entries) {
    std::uint32_t off = e.offset;
    std::uint32_t type = e.type;
    std::string kind = entry_kind(type);
    std::string p = kind.empty()         ? idx("rsc.entry", e.index)
                    : per_type[type] > 1 ? idx("rsc." + kind, seen[type]++)
                                         : "rsc." + kind;
    t.field(off + rsc::kEntryType, 4, p + ".type");
    if (type == rsc::kVdev) {
      name_vdev(t, table, off, p);
    } else if (type == rsc::kCarveout || type == rsc::kDevmem) {
      t.field(off + rsc::kCarveoutDa, 4, p + ".da");
      t.field(off + rsc::kCarveoutPa, 4, p + ".pa");
      t.field(off + rsc::kCarveoutLen, 4, p + ".len");
      t.field(off + rsc::kCarveoutFlags, 4, p + ".flags");
      t.field(off + rsc::kCarveoutReserved, 4, p + ".reserved");
      t.field(off + rsc::kCarveoutName, rsc::kNameSize, p + ".name");
    } else if (type == rsc::kTrace) {
      t.field(off + rsc::kTraceDa, 4, p + ".da");
      t.field(off + rsc::kTraceLen, 4, p + ".len");
      t.field(off + rsc::kTraceReserved, 4, p + ".reserved");
      t.field(off + rsc::kTraceName, rsc::kNameSize, p + ".name");
    }
  }
  return out;
}

std::vector<Symbol> resource_table_symbols(hal::Addr base, const rsc::ZephyrTableLayout& layout) {
  ZephyrTableParams params;
  if (layout.num_entries > 1) params.trace = ZephyrTableParams::Trace{};
  return resource_table_symbols(base, ResourceTableImage::zephyr(params).bytes());
}

std::vector<Symbol> vring_symbols(const std::string& name, hal::Addr base,
                                  const VringLayout& layout) {
  std::vector<Symbol> out;
  out.reserve(7 * layout.num + 6); // desc 4 + avail 1 + used 2 per entry, 6 scalars
  auto add = [&](std::uint64_t off, std::uint64_t size, std::string n) {
    out.push_back({base + off, size, std::move(n)});
  };
  for (std::uint64_t i = 0; i < layout.num; ++i) {
    std::string d = idx(name + ".desc", i);
    add(layout.desc(i) + kVringDescAddr, 8, d + ".addr");
    add(layout.desc(i) + kVringDescLen, 4, d + ".len");
    add(layout.desc(i) + kVringDescFlags, 2, d + ".flags");
    add(layout.desc(i) + kVringDescNext, 2, d + ".next");
  }
  add(layout.avail_flags(), 2, name + ".avail.flags");
  add(layout.avail_idx(), 2, name + ".avail.idx");
  for (std::uint64_t i = 0; i < layout.num; ++i)
    add(layout.avail_ring(i), 2, idx(name + ".avail.ring", i));
  add(layout.used_event(), 2, name + ".avail.used_event");
  add(layout.used_flags(), 2, name + ".used.flags");
  add(layout.used_idx(), 2, name + ".used.idx");
  for (std::uint64_t i = 0; i < layout.num; ++i) {
    std::string e = idx(name + ".used.ring", i);
    add(layout.used_ring_id(i), 4, e + ".id");
    add(layout.used_ring_len(i), 4, e + ".len");
  }
  add(layout.avail_event(), 2, name + ".used.avail_event");
  return out;
}

std::vector<Symbol> buffer_symbols(hal::Addr base, unsigned count, std::uint32_t buf_size,
                                   unsigned first_index) {
  std::vector<Symbol> out;
  out.reserve(6 * std::size_t{count});
  for (unsigned k = 0; k < count; ++k) {
    hal::Addr b = base + std::uint64_t{buf_size} * k;
    std::string p = idx("buf", first_index + k);
    out.push_back({b + kRpmsgHdrSrc, 4, p + ".hdr.src"});
    out.push_back({b + kRpmsgHdrDst, 4, p + ".hdr.dst"});
    out.push_back({b + kRpmsgHdrReserved, 4, p + ".hdr.reserved"});
    out.push_back({b + kRpmsgHdrLen, 2, p + ".hdr.len"});
    out.push_back({b + kRpmsgHdrFlags, 2, p + ".hdr.flags"});
    if (buf_size > kRpmsgPayload)
      out.push_back({b + kRpmsgPayload, buf_size - kRpmsgPayload, p + ".payload"});
  }
  return out;
}

void SymbolMap::add(std::vector<Symbol> symbols) {
  symbols_.insert(symbols_.end(), std::make_move_iterator(symbols.begin()),
                  std::make_move_iterator(symbols.end()));
  std::stable_sort(symbols_.begin(), symbols_.end(),
                   [](const Symbol& a, const Symbol& b) { return a.addr < b.addr; });
  for (std::size_t i = 1; i < symbols_.size(); ++i) {
    const Symbol& prev = symbols_[i - 1];
    const Symbol& cur = symbols_[i];
    if (cur.addr < prev.addr + prev.size)
      throw std::invalid_argument("symbol " + cur.name + " at " + hex(cur.addr) + " overlaps " +
                                  prev.name + " [" + hex(prev.addr) + ", " +
                                  hex(prev.addr + prev.size) + ")");
  }
}

const Symbol* SymbolMap::find(hal::Addr addr) const {
  auto it = std::upper_bound(symbols_.begin(), symbols_.end(), addr,
                             [](hal::Addr a, const Symbol& s) { return a < s.addr; });
  if (it == symbols_.begin()) return nullptr;
  --it;
  return addr < it->addr + it->size ? &*it : nullptr;
}

std::string SymbolMap::lookup(hal::Addr addr) const {
  const Symbol* s = find(addr);
  if (!s) return "";
  if (addr == s->addr) return s->name;
  return s->name + "+" + std::to_string(addr - s->addr);
}

std::string SymbolMap::describe(hal::Addr addr) const {
  std::string name = lookup(addr);
  return name.empty() ? hex(addr) : name;
}

} // namespace sim::sw::shm
