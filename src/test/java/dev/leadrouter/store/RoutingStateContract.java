package dev.leadrouter.store;

import static dev.leadrouter.store.Decisions.ALICE;
import static dev.leadrouter.store.Decisions.BOB;
import static dev.leadrouter.store.Decisions.TEAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leadrouter.route.StateChange;
import dev.leadrouter.route.TeamRotation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rotation and load state in the database, on every database. */
abstract class RoutingStateContract extends StoreContract {

  private JdbcRoutingState state;

  @BeforeEach
  void repository() {
    state = new JdbcRoutingState(database);
  }

  @Test
  void anUnknownTeamStartsAtTheBeginningAndAnUnknownUserHoldsNothing() {
    assertThat(state.rotation("nobody")).isEqualTo(TeamRotation.START);
    assertThat(state.openLoad(ALICE)).isZero();
  }

  @Test
  void rotationCreditsRoundTripExactly() {
    // Values with no short decimal form, negative credit, and the extremes a double can hold.
    Map<dev.leadrouter.lead.SalesforceId, Double> credits = Map.of(ALICE, 1.0 / 3, BOB, -0.1 - 0.2);

    state.apply(List.of(new StateChange.RotationMoved(TEAM, ALICE, credits)));

    assertThat(state.rotation(TEAM)).isEqualTo(new TeamRotation(ALICE, credits));
    assertThat(state.rotation(TEAM).credit(BOB)).isEqualTo(-0.1 - 0.2);
  }

  @Test
  void aLaterMoveReplacesTheRotation() {
    state.apply(List.of(new StateChange.RotationMoved(TEAM, ALICE, Map.of(ALICE, 2.0))));
    state.apply(List.of(new StateChange.RotationMoved(TEAM, BOB, Map.of(BOB, 0.5))));

    assertThat(state.rotation(TEAM)).isEqualTo(new TeamRotation(BOB, Map.of(BOB, 0.5)));
  }

  @Test
  void loadAddsUpAndNeverGoesBelowZero() {
    state.apply(List.of(new StateChange.LoadChanged(ALICE, 2)));
    state.apply(List.of(new StateChange.LoadChanged(ALICE, -5)));
    state.apply(List.of(new StateChange.LoadChanged(BOB, -1)));

    assertThat(state.openLoad(ALICE)).isZero();
    assertThat(state.openLoad(BOB)).isZero();

    state.apply(
        List.of(new StateChange.LoadChanged(ALICE, 1), new StateChange.LoadChanged(ALICE, 1)));
    assertThat(state.openLoad(ALICE)).isEqualTo(2);
  }

  @Test
  void openLoadCanBeSetOutrightAndChangesAddToIt() {
    state.setOpenLoad(ALICE, 7);
    state.apply(List.of(new StateChange.LoadChanged(ALICE, -2)));
    state.setOpenLoad(BOB, -3);

    assertThat(state.openLoad(ALICE)).isEqualTo(5);
    assertThat(state.openLoad(BOB)).isZero();
  }

  @Test
  void allChangesLandTogetherOrNotAtAll() {
    state.apply(List.of(new StateChange.LoadChanged(BOB, 3)));

    assertThatThrownBy(
            () ->
                state.apply(
                    List.of(
                        new StateChange.RotationMoved(TEAM, ALICE, Map.of()),
                        new StateChange.LoadChanged(BOB, -1),
                        new StateChange.RotationMoved("t".repeat(300), ALICE, Map.of()))))
        .isInstanceOf(StoreException.class);

    assertThat(state.rotation(TEAM)).isEqualTo(TeamRotation.START);
    assertThat(state.openLoad(BOB)).isEqualTo(3);
  }
}
