package dev.trestle.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The replica-wide budget of result objects, shared by the operations running at once. */
class ResultBudgetTest {

    @Test
    void operationsShareTheBudgetAndGiveItBackOnce() {
        ResultBudget budget = new ResultBudget(1000);
        ResultBudget.Reservation big = budget.reserve(700);
        assertNotNull(big);
        assertNull(budget.reserve(400), "700 + 400 is over 1,000");
        assertEquals(700, budget.reserved(), "a refused reservation holds nothing");
        ResultBudget.Reservation small = budget.reserve(300);
        assertNotNull(small);
        big.close();
        big.close();  // a second close must not give back what another operation holds
        assertEquals(300, budget.reserved());
        assertNotNull(budget.reserve(700));
    }
}
