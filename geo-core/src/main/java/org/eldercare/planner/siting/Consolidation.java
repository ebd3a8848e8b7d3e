package org.eldercare.planner.siting;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eldercare.planner.model.InvalidValueException;

/**
 * Consolidation of small or under-used homes (policy: merge homes with fewer than 20 residents or occupancy below
 * 50 %): proposes which flagged homes to close and which open home takes all residents of each closed one.
 *
 * <p>A home is <em>flagged</em> when {@code residents < minResidents} or {@code occupancy < minOccupancy}. The MIP
 * decides for each flagged home whether to close it; a closed home's residents move together to one receiving home
 * that stays open, at a travel cost ≤ {@code maxMoveCost}, within the receiver's free beds (beds − residents −
 * incoming ≥ 0). Objective, lexicographic: first close as many flagged homes as possible, then minimise the
 * resident-weighted moving cost Σ residents_h · d(h, r). Homes not flagged never close. Flagged homes that cannot
 * close (no receiver with room within reach) stay open and are named in the notes.
 *
 * <p>The {@link SitingResult}: {@code chosenSiteIds} = homes that stay open; one assignment per home (its own id
 * when it stays open, the receiver otherwise; weight = residents); objective = the moving cost; notes list each
 * closure; binding constraints name receivers filled to their last bed. The cost matrix is home × home with the
 * same ids in the same order on both sides.
 */
public final class Consolidation {
    private final CostMatrix matrix;
    private final List<ExistingHome> homes;
    private final int minResidents;
    private final double minOccupancy;
    private final double maxMoveCost;

    private Consolidation(CostMatrix matrix, List<ExistingHome> homes, int minResidents, double minOccupancy,
            double maxMoveCost) {
        if (matrix == null || homes == null) {
            throw new IllegalArgumentException("matrix and homes: are required but missing");
        }
        this.homes = List.copyOf(homes);
        if (matrix.demandCount() != this.homes.size() || matrix.candidateCount() != this.homes.size()) {
            throw new InvalidValueException("matrix", null, "must be " + this.homes.size() + " x " + this.homes.size()
                + " (homes x homes), was " + matrix.demandCount() + " x " + matrix.candidateCount());
        }
        for (int h = 0; h < this.homes.size(); h++) {
            String id = this.homes.get(h).id();
            if (!id.equals(matrix.demandId(h)) || !id.equals(matrix.candidate(h).id())) {
                throw new InvalidValueException("matrix", null, "row and column " + h + " must be home '" + id
                    + "', were '" + matrix.demandId(h) + "' and '" + matrix.candidate(h).id() + "'");
            }
        }
        if (minResidents < 0) {
            throw new InvalidValueException("minResidents", minResidents, "must be >= 0, was " + minResidents);
        }
        if (!(minOccupancy >= 0 && minOccupancy <= 1)) {
            throw new InvalidValueException("minOccupancy", minOccupancy, "must be in [0, 1], was " + minOccupancy);
        }
        if (Double.isNaN(maxMoveCost) || maxMoveCost < 0) {
            throw new InvalidValueException("maxMoveCost", maxMoveCost,
                "must be >= 0 (may be +Infinity), was " + maxMoveCost);
        }
        this.matrix = matrix;
        this.minResidents = minResidents;
        this.minOccupancy = minOccupancy;
        this.maxMoveCost = maxMoveCost;
    }

    /**
     * @param matrix       home × home travel costs (same ids, same order as {@code homes})
     * @param homes        the operating homes
     * @param minResidents homes with fewer residents are flagged (policy: 20)
     * @param minOccupancy homes with a lower occupancy (0–1) are flagged (policy: 0.5)
     * @param maxMoveCost  longest acceptable move for residents, in the matrix unit (+∞ for no limit)
     */
    public static Consolidation fromCostMatrix(CostMatrix matrix, List<ExistingHome> homes, int minResidents,
            double minOccupancy, double maxMoveCost) {
        return new Consolidation(matrix, homes, minResidents, minOccupancy, maxMoveCost);
    }

    /** Whether home {@code h} falls below a threshold. */
    boolean flagged(int h) {
        ExistingHome x = homes.get(h);
        return x.residents() < minResidents || x.occupancy() < minOccupancy;
    }

    /** Solves the MIP (group limits and filters of the options are not used here; the time limit and solver are). */
    public SitingResult solve(SolveOptions options) {
        long start = System.nanoTime();
        int k = homes.size();
        Eligibility e = new Eligibility(matrix, options.withGroupLimits(List.of()).withRequiredSiteIds(
            java.util.Set.of()));
        Mip mip = new Mip(e, start);
        List<String> notes = new ArrayList<>();
        try {
            double maxCost = 0;
            double totalResidents = 0;
            for (int h = 0; h < k; h++) {
                totalResidents += homes.get(h).residents();
                for (int r = 0; r < k; r++) {
                    if (Double.isFinite(matrix.cost(h, r))) {
                        maxCost = Math.max(maxCost, matrix.cost(h, r));
                    }
                }
            }
            // one closure outweighs any moving cost: lexicographic objective in a single MIP
            double closeValue = totalResidents * maxCost + 1;
            MPVariable[][] x = new MPVariable[k][k];
            MPConstraint[] room = new MPConstraint[k];
            MPVariable[] close = new MPVariable[k];
            var obj = mip.solver.objective();
            for (int r = 0; r < k; r++) {
                room[r] = mip.solver.makeConstraint(Double.NEGATIVE_INFINITY,
                    homes.get(r).beds() - homes.get(r).residents(), "room" + r);
            }
            for (int h = 0; h < k; h++) {
                if (flagged(h)) {
                    close[h] = mip.solver.makeIntVar(0, 1, "close" + h);
                    obj.setCoefficient(close[h], -closeValue);
                }
            }
            for (int h = 0; h < k; h++) {
                if (close[h] == null) {
                    continue;
                }
                MPConstraint all = mip.solver.makeConstraint(0, 0, "move" + h);
                all.setCoefficient(close[h], -1);
                int res = homes.get(h).residents();
                for (int r = 0; r < k; r++) {
                    double d = matrix.cost(h, r);
                    if (r == h || !(d <= maxMoveCost) || res > homes.get(r).beds() - homes.get(r).residents()) {
                        continue;
                    }
                    x[h][r] = mip.solver.makeIntVar(0, 1, "");
                    all.setCoefficient(x[h][r], 1);
                    room[r].setCoefficient(x[h][r], res);
                    obj.setCoefficient(x[h][r], res * d);
                    if (close[r] != null) { // a receiver must stay open
                        MPConstraint open = mip.solver.makeConstraint(Double.NEGATIVE_INFINITY, 1);
                        open.setCoefficient(x[h][r], 1);
                        open.setCoefficient(close[r], 1);
                    }
                }
            }
            obj.setMinimization();
            if (!mip.solve(options.timeLimitSeconds())) {
                return Results.none("CONSOLIDATION", mip.infeasible() ? SolveStatus.INFEASIBLE : SolveStatus.TIME_LIMIT,
                    matrix, mip.solverName, start, List.of(), notes);
            }
            boolean[] open = new boolean[k];
            double[] incoming = new double[k];
            List<Assignment> as = new ArrayList<>();
            double moveCost = 0;
            int closures = 0;
            for (int h = 0; h < k; h++) {
                ExistingHome home = homes.get(h);
                int to = h;
                for (int r = 0; r < k; r++) {
                    if (x[h][r] != null && x[h][r].solutionValue() > 0.5) {
                        to = r;
                    }
                }
                open[h] = to == h;
                if (to != h) {
                    closures++;
                    incoming[to] += home.residents();
                    moveCost += home.residents() * matrix.cost(h, to);
                    notes.add(String.format(Locale.ROOT, "close %s (%d residents, %d beds, occupancy %.0f%%): "
                        + "residents move to %s, cost %s", home.id(), home.residents(), home.beds(),
                        100 * home.occupancy(), homes.get(to).id(), CapacitatedPMedian.fmt(matrix.cost(h, to))));
                } else if (flagged(h)) {
                    notes.add(String.format(Locale.ROOT, "keep %s although below threshold (%d residents, "
                        + "occupancy %.0f%%): no open home with room within reach", home.id(), home.residents(),
                        100 * home.occupancy()));
                }
                as.add(new Assignment(home.id(), Optional.of(homes.get(to).id()), to == h ? 0 : matrix.cost(h, to),
                    home.residents(), true));
            }
            List<String> binding = new ArrayList<>();
            for (int r = 0; r < k; r++) {
                ExistingHome home = homes.get(r);
                if (incoming[r] > 0 && home.residents() + incoming[r] >= home.beds()) {
                    binding.add("beds of " + home.id() + ": " + (home.residents() + (long) incoming[r]) + " of "
                        + home.beds() + " used after the merge");
                }
            }
            boolean opt = mip.optimal();
            double bound = opt ? moveCost : mip.bestBound() + closures * closeValue;
            return new SitingResult("CONSOLIDATION", opt ? SolveStatus.OPTIMAL : SolveStatus.TIME_LIMIT,
                e.chosenIds(open), as, totalResidents, totalResidents, moveCost, bound,
                opt ? 0 : Results.gapMin(moveCost, bound), mip.solverName, Results.seconds(start), binding, notes);
        } finally {
            mip.delete();
        }
    }
}
