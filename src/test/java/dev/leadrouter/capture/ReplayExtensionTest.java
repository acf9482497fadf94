package dev.leadrouter.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.cometd.bayeux.Channel;
import org.cometd.bayeux.Message;
import org.cometd.common.HashMapMessage;
import org.junit.jupiter.api.Test;

class ReplayExtensionTest {

  private static final String LEADS = "/data/LeadChangeEvent";
  private final ReplayExtension extension = new ReplayExtension();

  @Test
  void theHandshakeAsksForReplay() {
    HashMapMessage handshake = message(Channel.META_HANDSHAKE);

    extension.sendMeta(null, handshake);

    assertThat(handshake.getExt()).containsEntry("replay", true);
  }

  @Test
  void aSubscribeNamesWhereItsChannelResumes() {
    extension.resumeFrom(LEADS, 32873029L);
    HashMapMessage subscribe = message(Channel.META_SUBSCRIBE);
    subscribe.put(Message.SUBSCRIPTION_FIELD, LEADS);

    extension.sendMeta(null, subscribe);

    assertThat(subscribe.getExt()).containsEntry("replay", Map.of(LEADS, 32873029L));
  }

  @Test
  void aResubscribeContinuesAfterTheLastEventReceived() {
    extension.resumeFrom(LEADS, -2);
    extension.received(LEADS, 40L);
    HashMapMessage subscribe = message(Channel.META_SUBSCRIBE);
    subscribe.put(Message.SUBSCRIPTION_FIELD, LEADS);

    extension.sendMeta(null, subscribe);

    assertThat(subscribe.getExt()).containsEntry("replay", Map.of(LEADS, 40L));
  }

  @Test
  void anUnknownChannelStartsWithNewEventsOnly() {
    assertThat(extension.position("/data/TaskChangeEvent")).isEqualTo(-1);
  }

  @Test
  void replaySupportIsTakenFromTheHandshakeReply() {
    HashMapMessage reply = message(Channel.META_HANDSHAKE);
    reply.setSuccessful(true);
    reply.getExt(true).put("replay", true);

    extension.rcvMeta(null, reply);

    assertThat(extension.serverSupportsReplay()).isTrue();
  }

  @Test
  void otherMessagesAreLeftAlone() {
    HashMapMessage connect = message(Channel.META_CONNECT);

    extension.sendMeta(null, connect);

    assertThat(connect.getExt()).isNull();
  }

  private static HashMapMessage message(String channel) {
    HashMapMessage message = new HashMapMessage();
    message.setChannel(channel);
    return message;
  }
}
