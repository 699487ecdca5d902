// SPDX-License-Identifier: Apache-2.0
#include "tests/support/fake_board.h"

#include <stdexcept>

#include "models/common/config/config_node.h"
#include "models/common/config/config_tree.h"
#include "models/common/units.h"
#include "models/mailbox/mailbox_regs.h"
#include "models/platform/side_terminals.h"
#include "sim/scenario/device_tree_view.h"

#ifndef IPCSIM_SOURCE_DIR
#error "fake_board.cpp needs IPCSIM_SOURCE_DIR (the configs/ directory)"
#endif

namespace sim::test {
namespace {

models::BoardConfig reference_board() {
  const config::ConfigValue doc =
      config::load_file(std::string(IPCSIM_SOURCE_DIR) + "/configs/tcc807x.yaml");
  return models::parse_board(config::ConfigNode(doc, ""));
}

hal::SimTime cycle_ps(const models::ClusterBoardConfig& c) {
  return period_ps(c.clock_hz);
}

} // namespace

// ---- BoardHal ----------------------------------------------------------------------------------

BoardHal::BoardHal(std::string cluster, hal::SimTime cycle, std::shared_ptr<FakeMemory> memory,
                   FakeOs& os, models::MailboxLink& mailbox, std::vector<MailboxWindow> windows)
    : FakeHal(std::move(cluster), cycle, std::move(memory)), os_(os), mailbox_(mailbox),
      windows_(std::move(windows)) {
  // A whole protocol run issues many thousands of accesses; tests turn recording on if needed.
  set_recording(false);
}

std::uint8_t BoardHal::read8(hal::Addr addr) {
  os_.enter();
  return FakeHal::read8(addr);
}

std::uint16_t BoardHal::read16(hal::Addr addr) {
  os_.enter();
  return FakeHal::read16(addr);
}

std::uint32_t BoardHal::read32(hal::Addr addr) {
  os_.enter();
  return FakeHal::read32(addr);
}

std::uint64_t BoardHal::read64(hal::Addr addr) {
  os_.enter();
  return FakeHal::read64(addr);
}

void BoardHal::read(hal::Addr addr, void* dst, std::size_t len) {
  os_.enter();
  FakeHal::read(addr, dst, len);
}

// Every store may end another context's poll on the same bytes.
void BoardHal::write8(hal::Addr addr, std::uint8_t value) {
  os_.enter();
  FakeHal::write8(addr, value);
  written(addr, sizeof value);
}

void BoardHal::write16(hal::Addr addr, std::uint16_t value) {
  os_.enter();
  FakeHal::write16(addr, value);
  written(addr, sizeof value);
}

void BoardHal::write32(hal::Addr addr, std::uint32_t value) {
  os_.enter();
  FakeHal::write32(addr, value);
  written(addr, sizeof value);
}

void BoardHal::write64(hal::Addr addr, std::uint64_t value) {
  os_.enter();
  FakeHal::write64(addr, value);
  written(addr, sizeof value);
}

void BoardHal::write(hal::Addr addr, const void* src, std::size_t len) {
  os_.enter();
  FakeHal::write(addr, src, len);
  written(addr, len);
}

const BoardHal::MailboxWindow* BoardHal::window(hal::Addr addr) const {
  for (const MailboxWindow& w : windows_)
    if (addr >= w.base && addr - w.base < models::mbox::kWindowBytes) return &w;
  return nullptr;
}

std::uint32_t BoardHal::mmio_read32(hal::Addr addr) {
  os_.enter();
  const MailboxWindow* w = window(addr);
  if (w == nullptr) return FakeHal::mmio_read32(addr);
  record(addr, 4, AccessKind::kMmioRead);
  std::uint32_t value = 0;
  const auto offset = static_cast<std::uint32_t>(addr - w->base);
  // A pop can change both sides' interrupt levels: the link's callback sets them on the FakeOs.
  if (mailbox_.read(w->terminal, offset, value) != regs::Status::kOk)
    panic("mailbox read error at " + format_hex(addr));
  return value;
}

void BoardHal::mmio_write32(hal::Addr addr, std::uint32_t value) {
  os_.enter();
  const MailboxWindow* w = window(addr);
  if (w == nullptr) return FakeHal::mmio_write32(addr, value);
  record(addr, 4, AccessKind::kMmioWrite);
  const auto offset = static_cast<std::uint32_t>(addr - w->base);
  if (mailbox_.write(w->terminal, offset, value) != regs::Status::kOk)
    panic("mailbox write error at " + format_hex(addr));
}

void BoardHal::dcache_clean(hal::Addr addr, std::size_t len, const char* site) {
  os_.enter();
  FakeHal::dcache_clean(addr, len, site);
}

void BoardHal::dcache_invalidate(hal::Addr addr, std::size_t len, const char* site) {
  os_.enter();
  FakeHal::dcache_invalidate(addr, len, site);
}

void BoardHal::dcache_clean_invalidate(hal::Addr addr, std::size_t len, const char* site) {
  os_.enter();
  FakeHal::dcache_clean_invalidate(addr, len, site);
}

void BoardHal::barrier() {
  os_.enter();
  FakeHal::barrier();
}

hal::SimTime BoardHal::now() {
  os_.enter();
  return os_.now();
}

void BoardHal::spend(std::uint64_t cycles) {
  os_.hold(cycles * cycle_ps());
}

void BoardHal::busy_wait(hal::SimTime duration) {
  os_.hold(duration);
}

void BoardHal::sleep(hal::SimTime duration) {
  os_.sleep(duration);
}

bool BoardHal::poll(hal::Addr addr, std::size_t len, const std::function<bool()>& condition,
                    hal::SimTime timeout) {
  return os_.poll(addr, len, condition, timeout);
}

void BoardHal::console(std::string_view text) {
  os_.enter();
  FakeHal::console(text);
}

void BoardHal::panic(std::string_view reason) {
  os_.halt(reason);
}

// ---- FakeBoard ---------------------------------------------------------------------------------

FakeBoard::FakeBoard()
    : board_(reference_board()), memory_(std::make_shared<FakeMemory>()),
      mailbox_(board_.mailbox.model),
      master_os_(scheduler_, "master", board_.cluster(Side::kMaster).cores),
      remote_os_(scheduler_, "remote", board_.cluster(Side::kRemote).cores),
      master_("master", cycle_ps(board_.cluster(Side::kMaster)), memory_, master_os_, mailbox_,
              {{board_.mailbox.master.base, models::mailbox_terminal(Side::kMaster)}}),
      remote_("remote", cycle_ps(board_.cluster(Side::kRemote)), memory_, remote_os_, mailbox_,
              {{board_.mailbox.remote.base, models::mailbox_terminal(Side::kRemote)}}),
      master_info_(app::device_tree_view(board_, Side::kMaster, 1)),
      remote_info_(app::device_tree_view(board_, Side::kRemote, 1)) {
  // The platform's one mapping between sides and mailbox terminals.
  mailbox_.on_irq_change([this](models::Terminal t, models::IrqKind kind, bool level) {
    const Side side = models::side_of(t);
    const models::MailboxTerminalConfig& term = board_.mailbox.terminal(side);
    os(side).set_irq_level(kind == models::IrqKind::kRx ? term.irq_rx : term.irq_tx, level);
    if (kind == models::IrqKind::kRx && rx_irq_listener_)
      rx_irq_listener_(side, level, scheduler_.now());
  });
  mailbox_.on_send([this](models::Terminal t, bool delivered) {
    if (kick_listener_) kick_listener_(models::side_of(t), delivered, scheduler_.now());
  });
}

void FakeBoard::observe(models::ProbeSink* sink, KickListener kick, RxIrqListener rx_irq) {
  master_.set_probe_sink(sink, Side::kMaster);
  remote_.set_probe_sink(sink, Side::kRemote);
  kick_listener_ = std::move(kick);
  rx_irq_listener_ = std::move(rx_irq);
}

FakeBoard::~FakeBoard() {
  scheduler_.shutdown();
}

void FakeBoard::load(std::uint64_t addr, const std::vector<std::uint8_t>& bytes) {
  memory_->poke(addr, bytes.data(), bytes.size());
  scheduler_.touched(addr, bytes.size());
}

std::vector<std::uint8_t> FakeBoard::peek(std::uint64_t addr, std::size_t len) const {
  std::vector<std::uint8_t> out(len);
  memory_->peek(addr, out.data(), len);
  return out;
}

void FakeBoard::boot(Side side, const hal::ThreadSpec& spec, std::function<void(hal::Hal&)> entry) {
  BoardHal& h = hal(side);
  h.fake_os().spawn(spec, [&h, entry = std::move(entry)] { entry(h); });
}

} // namespace sim::test
