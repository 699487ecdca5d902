// SPDX-License-Identifier: Apache-2.0
#include "sim/artefacts/firmware_elf.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstring>

#include <gelf.h>
#include <libelf.h>

namespace sim::artefacts {
namespace {

/// The file and its libelf handle, released in that order's reverse whatever happens.
struct OpenElf {
  int fd = -1;
  Elf* elf = nullptr;
  OpenElf() = default;
  OpenElf(const OpenElf&) = delete;
  OpenElf& operator=(const OpenElf&) = delete;
  ~OpenElf() {
    if (elf != nullptr) elf_end(elf);
    if (fd >= 0) ::close(fd);
  }
};

std::uint64_t file_size(int fd, const std::string& file) {
  struct stat st {};
  if (::fstat(fd, &st) != 0) throw ArtefactError(file + ": cannot read the file");
  return static_cast<std::uint64_t>(st.st_size);
}

/// Refuses a file cut short: headers or section contents past its end.
void check_complete(Elf* elf, std::uint64_t size, const GElf_Ehdr& eh, const std::string& file) {
  const auto past_end = [size](std::uint64_t offset, std::uint64_t len) {
    return offset > size || len > size - offset;
  };
  const auto truncated = [&](const std::string& what) {
    return ArtefactError(file + ": truncated (" + what + " runs past the end of the " +
                         std::to_string(size) + "-byte file)");
  };
  if (past_end(eh.e_phoff, std::uint64_t{eh.e_phnum} * eh.e_phentsize))
    throw truncated("the program header table");
  if (past_end(eh.e_shoff, std::uint64_t{eh.e_shnum} * eh.e_shentsize))
    throw truncated("the section header table");
  Elf_Scn* scn = nullptr;
  while ((scn = elf_nextscn(elf, scn)) != nullptr) {
    GElf_Shdr sh;
    if (gelf_getshdr(scn, &sh) == nullptr)
      throw ArtefactError(file + ": a section header is unreadable");
    if (sh.sh_type != SHT_NOBITS && past_end(sh.sh_offset, sh.sh_size))
      throw truncated("section " + std::to_string(elf_ndxscn(scn)));
  }
}

/// Bytes of the image at virtual address `addr` (from the allocated section holding them).
bool read_at(Elf* elf, std::uint64_t addr, void* out, std::size_t len) {
  Elf_Scn* scn = nullptr;
  while ((scn = elf_nextscn(elf, scn)) != nullptr) {
    GElf_Shdr sh;
    if (gelf_getshdr(scn, &sh) == nullptr) continue;
    if ((sh.sh_flags & SHF_ALLOC) == 0 || sh.sh_type == SHT_NOBITS) continue;
    // Overflow-free: the address may be anything an image's pointer holds.
    if (addr < sh.sh_addr || addr - sh.sh_addr > sh.sh_size ||
        len > sh.sh_size - (addr - sh.sh_addr))
      continue;
    Elf_Data* data = elf_getdata(scn, nullptr);
    if (data == nullptr || data->d_buf == nullptr || addr - sh.sh_addr + len > data->d_size)
      return false;
    std::memcpy(out, static_cast<const std::uint8_t*>(data->d_buf) + (addr - sh.sh_addr), len);
    return true;
  }
  return false;
}

/// A PT_LOAD segment with its file bytes; refuses one whose bytes are not all in the file or that
/// holds more bytes than it occupies in memory (a hostile or broken header).
ElfSegment load_segment(int fd, std::uint64_t size, const GElf_Phdr& ph, std::size_t index,
                        const std::string& file) {
  const std::string which = file + ": loadable segment " + std::to_string(index);
  if (ph.p_filesz > ph.p_memsz)
    throw ArtefactError(which + " has " + std::to_string(ph.p_filesz) +
                        " bytes in the file but only " + std::to_string(ph.p_memsz) + " in memory");
  if (ph.p_offset > size || ph.p_filesz > size - ph.p_offset)
    throw ArtefactError(which + " runs past the end of the " + std::to_string(size) +
                        "-byte file (truncated)");
  ElfSegment seg;
  seg.address = ph.p_paddr;
  seg.size = ph.p_memsz;
  seg.executable = (ph.p_flags & PF_X) != 0;
  seg.writable = (ph.p_flags & PF_W) != 0;
  seg.bytes.resize(ph.p_filesz); // bounded by the file's size, checked above
  std::size_t done = 0;
  while (done < seg.bytes.size()) {
    const ssize_t n = ::pread(fd, seg.bytes.data() + done, seg.bytes.size() - done,
                              static_cast<off_t>(ph.p_offset + done));
    if (n <= 0) throw ArtefactError(which + ": cannot read its bytes");
    done += static_cast<std::size_t>(n);
  }
  return seg;
}

std::uint64_t le(const std::uint8_t* p, unsigned bytes) {
  std::uint64_t v = 0;
  for (unsigned i = 0; i < bytes; ++i) v |= std::uint64_t{p[i]} << (8 * i);
  return v;
}

std::string read_string(Elf* elf, std::uint64_t addr) {
  std::string s;
  char c = 0;
  while (s.size() < 64 && addr <= UINT64_MAX - 64 && read_at(elf, addr + s.size(), &c, 1) &&
         c != '\0')
    s += c;
  return s;
}

/// mmu_config = { unsigned num_regions; const struct arm_mmu_region* mmu_regions; } (LP64).
void read_mmu_config(Elf* elf, const ElfSymbol& sym, FirmwareImage& img) {
  std::uint8_t cfg[16];
  if (sym.size < sizeof cfg || !read_at(elf, sym.address, cfg, sizeof cfg)) return;
  const std::uint64_t count = le(cfg, 4);
  const std::uint64_t table = le(cfg + 8, 8);
  constexpr std::size_t kEntry = 40; // 4 x 8-byte fields, a 4-byte attrs, padding
  img.has_mmu_config = true;
  img.mmu_regions_declared = count;
  for (std::uint64_t i = 0; i < count && i < FirmwareImage::kMaxMmuRegions; ++i) {
    std::uint8_t e[kEntry];
    if (table > UINT64_MAX - (i + 1) * kEntry || !read_at(elf, table + i * kEntry, e, kEntry))
      break;
    ZephyrMmuRegion r;
    r.base_pa = le(e, 8);
    r.base_va = le(e + 8, 8);
    r.size = le(e + 16, 8);
    r.name = read_string(elf, le(e + 24, 8));
    r.attrs = static_cast<std::uint32_t>(le(e + 32, 4));
    img.mmu_regions.push_back(std::move(r));
  }
}

} // namespace

ZephyrMemType ZephyrMmuRegion::type() const {
  switch (attrs & 0x7u) {
  case 0:
    return ZephyrMemType::kDeviceNGnRnE;
  case 1:
    return ZephyrMemType::kDeviceNGnRE;
  case 2:
    return ZephyrMemType::kDeviceGRE;
  case 3:
    return ZephyrMemType::kNormalNc;
  case 4:
    return ZephyrMemType::kNormal;
  case 5:
    return ZephyrMemType::kNormalWt;
  default:
    return ZephyrMemType::kUnknown;
  }
}

std::vector<MappedPiece> effective_mapping(const std::vector<ZephyrMmuRegion>& regions,
                                           std::uint64_t base, std::uint64_t size) {
  std::vector<MappedPiece> pieces;
  const std::uint64_t end = size > UINT64_MAX - base ? UINT64_MAX : base + size;
  for (const ZephyrMmuRegion& m : regions) {
    const std::uint64_t lo = std::max(base, m.base_pa);
    const std::uint64_t hi = std::min(end, m.size > UINT64_MAX - m.base_pa ? UINT64_MAX : m.end());
    if (lo >= hi) continue;
    std::vector<MappedPiece> kept;
    for (const MappedPiece& p : pieces) {
      if (p.end <= lo || p.begin >= hi) {
        kept.push_back(p);
        continue;
      }
      if (p.begin < lo) kept.push_back({p.begin, lo, p.region});
      if (p.end > hi) kept.push_back({hi, p.end, p.region});
    }
    kept.push_back({lo, hi, &m});
    pieces = std::move(kept);
  }
  std::sort(pieces.begin(), pieces.end(),
            [](const MappedPiece& a, const MappedPiece& b) { return a.begin < b.begin; });
  return pieces;
}

const char* board_attr_name(ZephyrMemType type) {
  switch (type) {
  case ZephyrMemType::kNormal:
    return "normal_wb";
  case ZephyrMemType::kNormalNc:
    return "normal_nc";
  case ZephyrMemType::kNormalWt:
    return "normal_wt";
  case ZephyrMemType::kDeviceNGnRnE:
  case ZephyrMemType::kDeviceNGnRE:
  case ZephyrMemType::kDeviceGRE:
    return "device";
  case ZephyrMemType::kUnknown:
    break;
  }
  return "unknown";
}

FirmwareImage load_firmware(const std::string& file) {
  if (elf_version(EV_CURRENT) == EV_NONE) throw ArtefactError("libelf is out of date");
  OpenElf f;
  f.fd = ::open(file.c_str(), O_RDONLY);
  if (f.fd < 0) throw ArtefactError(file + ": cannot read the file");
  f.elf = elf_begin(f.fd, ELF_C_READ, nullptr);
  Elf* elf = f.elf;
  FirmwareImage img;
  img.file = file;
  GElf_Ehdr eh;
  if (elf == nullptr || elf_kind(elf) != ELF_K_ELF || gelf_getehdr(elf, &eh) == nullptr)
    throw ArtefactError(file + ": not an ELF file");
  // The layouts read below (the table, Zephyr's mmu_config) are AArch64's.
  if (eh.e_machine != EM_AARCH64 || eh.e_ident[EI_CLASS] != ELFCLASS64)
    throw ArtefactError(file + ": an ELF for machine " + std::to_string(eh.e_machine) +
                        (eh.e_ident[EI_CLASS] == ELFCLASS64 ? " (64-bit)" : " (32-bit)") +
                        ", not a 64-bit Arm (AArch64, machine 183) firmware");
  const std::uint64_t size = file_size(f.fd, file);
  check_complete(elf, size, eh, file);
  img.entry = eh.e_entry;
  std::size_t phnum = 0;
  elf_getphdrnum(elf, &phnum);
  for (std::size_t i = 0; i < phnum; ++i) {
    GElf_Phdr ph;
    if (gelf_getphdr(elf, static_cast<int>(i), &ph) == nullptr || ph.p_type != PT_LOAD) continue;
    img.segments.push_back(load_segment(f.fd, size, ph, i, file));
  }
  std::size_t shstrndx = 0;
  elf_getshdrstrndx(elf, &shstrndx);
  std::optional<ElfSymbol> mmu_config;
  Elf_Scn* scn = nullptr;
  while ((scn = elf_nextscn(elf, scn)) != nullptr) {
    GElf_Shdr sh;
    if (gelf_getshdr(scn, &sh) == nullptr) continue;
    const char* name = elf_strptr(elf, shstrndx, sh.sh_name);
    if (name != nullptr && std::strcmp(name, ".resource_table") == 0) {
      img.rsc_section_address = sh.sh_addr;
      Elf_Data* data = elf_getdata(scn, nullptr);
      if (data != nullptr && data->d_buf != nullptr) {
        const auto* p = static_cast<const std::uint8_t*>(data->d_buf);
        img.rsc_section.assign(p, p + data->d_size);
      }
    }
    if (sh.sh_type != SHT_SYMTAB) continue;
    Elf_Data* data = elf_getdata(scn, nullptr);
    const std::size_t count = sh.sh_entsize == 0 ? 0 : sh.sh_size / sh.sh_entsize;
    for (std::size_t i = 0; data != nullptr && i < count; ++i) {
      GElf_Sym sym;
      if (gelf_getsym(data, static_cast<int>(i), &sym) == nullptr) continue;
      const char* sname = elf_strptr(elf, sh.sh_link, sym.st_name);
      if (sname == nullptr) continue;
      if (GELF_ST_TYPE(sym.st_info) == STT_FUNC && sym.st_value != 0 &&
          img.functions.size() < FirmwareImage::kMaxFunctions)
        img.functions.push_back({sname, sym.st_value, sym.st_size});
      if (std::strcmp(sname, "resource_table") == 0)
        img.resource_table = ElfSymbol{sym.st_value, sym.st_size};
      else if (std::strcmp(sname, "mmu_config") == 0)
        mmu_config = ElfSymbol{sym.st_value, sym.st_size};
    }
  }
  if (mmu_config) read_mmu_config(elf, *mmu_config, img);
  std::sort(img.functions.begin(), img.functions.end(),
            [](const ElfFunction& a, const ElfFunction& b) { return a.address < b.address; });
  // The table is what the symbol names: the section may hold other data before it.
  if (img.resource_table && img.rsc_section_address &&
      img.resource_table->address >= *img.rsc_section_address &&
      img.resource_table->address - *img.rsc_section_address < img.rsc_section.size()) {
    const std::size_t skip = img.resource_table->address - *img.rsc_section_address;
    img.rsc_section.erase(img.rsc_section.begin(),
                          img.rsc_section.begin() + static_cast<std::ptrdiff_t>(skip));
    img.rsc_section_address = img.resource_table->address;
  }
  return img;
}

std::string FirmwareImage::symbolize(std::uint64_t address) const {
  auto it = std::upper_bound(functions.begin(), functions.end(), address,
                             [](std::uint64_t a, const ElfFunction& f) { return a < f.address; });
  if (it == functions.begin()) return {};
  --it;
  // A function of unknown size (hand-written assembly) covers up to the next one.
  if (it->size != 0 && address >= it->address + it->size) return {};
  const std::uint64_t offset = address - it->address;
  if (offset == 0) return it->name;
  char buf[32];
  std::snprintf(buf, sizeof buf, "+0x%llx", static_cast<unsigned long long>(offset));
  return it->name + buf;
}

} // namespace sim::artefacts
