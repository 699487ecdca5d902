// SPDX-License-Identifier: Apache-2.0
#include "tests/sw/linux/scripted_remote.h"

#include "sw/shm/layout.h"
#include "sw/shm/ns_message.h"

namespace sim::test {

std::vector<std::pair<std::string, std::string>> remote_nc_sets() {
  return {{"clusters.remote.mmu[0].attr", "normal_nc"},
          {"clusters.remote.mmu[1].attr", "normal_nc"},
          {"clusters.remote.mmu[2].attr", "normal_nc"},
          {"clusters.remote.mmu[3].attr", "normal_nc"}};
}

ScriptedRemote::ScriptedRemote(hal::Hal& hal, const sw::PlatformInfo& info)
    : hal_(hal), info_(info), mbox_(hal, info.mailbox_base), vring0_(hal, kVring0, kNum, kAlign),
      vring1_(hal, kVring1, kNum, kAlign) {}

void ScriptedRemote::attach_mailbox() {
  word_sem_ = &hal_.os().semaphore("remote.words", 0, 1000);
  mbox_.attach(
      hal_.os(), info_.mailbox_irq_rx, info_.mailbox_irq_tx,
      [this] {
        if (!mbox_.rx_irq()) return;
        std::uint32_t w[sw::TccMbox::kMaxCmdWords];
        const std::size_t n = mbox_.receive(w, sw::TccMbox::kMaxCmdWords);
        for (std::size_t i = 0; i < n; ++i) {
          words_.push_back(w[i]);
          word_sem_->give();
        }
        mbox_.rx_irq_enable();
      },
      0);
}

bool ScriptedRemote::wait_words(std::size_t n, hal::SimTime timeout) {
  const hal::SimTime deadline = hal_.now() + timeout;
  while (words_.size() < n) {
    const hal::SimTime now = hal_.now();
    if (now >= deadline || !word_sem_->take(deadline - now)) return words_.size() >= n;
  }
  return true;
}

bool ScriptedRemote::wait_driver_ok(hal::SimTime timeout) {
  return hal_.poll(
      kStatus, 1,
      [this] {
        const std::uint8_t s = hal_.read8(kStatus);
        if (statuses_.empty() || statuses_.back() != s) statuses_.push_back(s);
        return (s & sw::shm::rsc::kStatusDriverOk) != 0;
      },
      timeout);
}

std::optional<ScriptedRemote::Buffer> ScriptedRemote::take(sw::shm::VringView& ring,
                                                           std::uint16_t& last_avail) {
  if (ring.avail_idx() == last_avail) return std::nullopt;
  Buffer b;
  b.head = ring.avail_ring(last_avail % kNum);
  ++last_avail;
  b.addr = ring.desc_addr(b.head);
  b.len = ring.desc_len(b.head);
  return b;
}

std::optional<ScriptedRemote::Buffer> ScriptedRemote::take_vring0_buffer() {
  return take(vring0_, last_avail_[0]);
}

void ScriptedRemote::publish_used(sw::shm::VringView& ring, std::uint16_t head, std::uint32_t len) {
  std::uint16_t& idx = &ring == &vring0_ ? used_idx_[0] : used_idx_[1];
  ring.set_used_ring_id(idx % kNum, head);
  ring.set_used_ring_len(idx % kNum, len);
  hal_.barrier();
  ring.set_used_idx(++idx);
}

bool ScriptedRemote::kick(std::uint32_t id, hal::SimTime timeout) {
  const hal::SimTime deadline = hal_.now() + timeout;
  while (mbox_.send(&id, 1) == sw::TccMbox::kBusy) {
    if (hal_.now() >= deadline) return false;
    hal_.sleep(5 * hal::kUs);
  }
  return true;
}

bool ScriptedRemote::send(std::uint32_t src, std::uint32_t dst, const void* data, std::size_t len,
                          std::optional<std::uint16_t> hdr_len, std::uint32_t used_len,
                          bool do_kick) {
  // Reported as a stack would (sw/hal/probe.h): what it was asked to send, then what it put on
  // the wire; a header length other than the payload's is the wire's (no payload bytes for it).
  hal_.probe(hal::message_event(hal::ProbeKind::kTxStart, 0, src, dst, data, len));
  std::optional<Buffer> b = take_vring0_buffer();
  if (!b) {
    hal_.probe(hal::drop_event(hal::ProbeKind::kTxFailed, "no_tx_buffer"));
    return false;
  }
  sw::shm::RpmsgHeaderView hdr(hal_, b->addr);
  if (len > 0) hdr.write_payload(data, len);
  const std::uint16_t wire_len = hdr_len.value_or(static_cast<std::uint16_t>(len));
  hdr.write({src, dst, 0, wire_len, 0});
  hal::ProbeEvent published = hal::message_event(hal::ProbeKind::kTxPublished, b->addr, src, dst,
                                                 wire_len == len ? data : nullptr, wire_len);
  published.name = "vring0";
  hal_.probe(published); // before the used ring makes it visible, as the stacks report it
  publish_used(vring0_, b->head, used_len);
  if (do_kick) kick(0);
  return true;
}

bool ScriptedRemote::send_ns(const std::string& name, std::uint32_t addr, std::uint32_t flags) {
  const sw::shm::NsMessageBytes m = sw::shm::encode_ns_message({name, addr, flags});
  return send(addr, sw::shm::kRpmsgNsAddress, m.data(), m.size());
}

std::optional<ScriptedRemote::Buffer> ScriptedRemote::wait_vring1_buffer(hal::SimTime timeout) {
  const hal::Addr idx = vring1_.at(vring1_.layout().avail_idx());
  if (!hal_.poll(
          idx, 2, [this] { return vring1_.avail_idx() != last_avail_[1]; }, timeout))
    return std::nullopt;
  return take(vring1_, last_avail_[1]);
}

ScriptedRemote::Message ScriptedRemote::read_message(const Buffer& b) {
  sw::shm::RpmsgHeaderView hdr(hal_, b.addr);
  Message m;
  m.hdr = hdr.read();
  m.payload.resize(m.hdr.len);
  if (m.hdr.len > 0) hdr.read_payload(m.payload.data(), m.payload.size());
  return m;
}

void ScriptedRemote::return_vring1_buffer(const Buffer& b) {
  publish_used(vring1_, b.head, b.len);
}

} // namespace sim::test
