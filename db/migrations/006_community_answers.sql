-- A community answer, defined once: a comment the moderator marked as the answer to a question in
-- the spotlight, or the comment a customer-service question was resolved by ("answered by the
-- community"). `at` is when it first counted: the marking, or the helper's comment being written.
-- Milestones, the members board and the dashboard all read this view.
CREATE VIEW community_answers AS
SELECT item_id, MIN(at) AS at FROM (
  SELECT item_id, at FROM spotlight_actions WHERE action = 'answer'
  UNION ALL
  SELECT helper.id AS item_id, helper.published_at AS at
    FROM items question JOIN items helper ON helper.id = question.answered_by
   WHERE question.resolution = 'answered-by-community'
) GROUP BY item_id;
