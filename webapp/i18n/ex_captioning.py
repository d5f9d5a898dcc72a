"""Exercises on the captioning page. key -> (English, Korean); keys start with ex.captioning.."""
STRINGS: dict[str, tuple[str, str]] = {
    "ex.captioning.region.top_left": ("top left", "왼쪽 위"),
    "ex.captioning.region.top": ("top", "위 가운데"),
    "ex.captioning.region.top_right": ("top right", "오른쪽 위"),
    "ex.captioning.region.left": ("left", "왼쪽 가운데"),
    "ex.captioning.region.centre": ("centre", "한가운데"),
    "ex.captioning.region.right": ("right", "오른쪽 가운데"),
    "ex.captioning.region.bottom_left": ("bottom left", "왼쪽 아래"),
    "ex.captioning.region.bottom": ("bottom", "아래 가운데"),
    "ex.captioning.region.bottom_right": ("bottom right", "오른쪽 아래"),
    # where it looked
    "ex.captioning.where.question": (
        "Where in the photo did the decoder look when it wrote **{word}** (word {number})? Pick a ninth of the "
        "photo: its 7 × 7 grid cut into 3 × 3 regions.",
        "디코더가 **{word}**({number}번째 단어)를 쓸 때 사진의 어디를 보았을까요? 7 × 7 격자를 3 × 3 구역으로 나눈 "
        "사진의 9분의 1 중 하나를 고르세요."),
    "ex.captioning.where.right": (
        "For **{word}** the {region} region gets a mean weight of {mean} a cell (rank {rank} of 9); the most "
        "attended cell, row {row}, column {col} (weight {weight}), is in the {peak} region.",
        "**{word}**에서 {region} 구역의 칸당 평균 가중치는 {mean}입니다(9개 중 {rank}위). 가장 많이 본 칸은 "
        "{row}행 {col}열(가중치 {weight})로 {peak} 구역에 있습니다."),
    "ex.captioning.where.wrong": (
        "For **{word}** the {region} region gets a mean weight of {mean} a cell, rank {rank} of 9. Move the word "
        "slider to word {number} and read the 49 weights beside the lit photo.",
        "**{word}**에서 {region} 구역의 칸당 평균 가중치는 {mean}, 9개 중 {rank}위입니다. 단어 슬라이더를 "
        "{number}번째 단어로 옮기고 밝혀진 사진 옆의 49개 가중치를 읽어 보세요."),
    "ex.captioning.where.solution": (
        "**{best}**: a mean weight of {mean} a cell for **{word}**. The most attended cell is row {row}, column "
        "{col} (weight {weight}), in the {peak} region. The region that holds it counts as right, and so does the "
        "runner-up when its mean is at least half the highest.",
        "**{best}**: **{word}**에서 칸당 평균 가중치 {mean}. 가장 많이 본 칸은 {row}행 {col}열(가중치 {weight})로 "
        "{peak} 구역에 있습니다. 그 칸이 있는 구역이 정답이고, 평균이 두 번째로 높은 구역도 그 평균이 가장 높은 "
        "평균의 절반 이상이면 정답입니다."),
    # how sure it was
    "ex.captioning.unsure.question": (
        "The caption reads *{caption}*. Which word was the decoder least sure of: the lowest probability when "
        "it wrote it?",
        "캡션은 *{caption}*입니다. 디코더가 가장 덜 확신한 단어, 즉 쓸 때 확률이 가장 낮았던 단어는?"),
    "ex.captioning.unsure.right": (
        "The decoder gave **{word}** a probability of {p} when it wrote it: the lowest in this caption.",
        "디코더가 **{word}**에 준 확률은 {p}입니다. 이 캡션에서 가장 낮습니다."),
    "ex.captioning.unsure.wrong": (
        "The decoder gave **{word}** {p}; another word got less. Move the word slider through the caption and "
        "read the outlined bar of the five most probable words.",
        "디코더가 **{word}**에 준 확률은 {p}입니다. 더 낮은 단어가 있습니다. 단어 슬라이더를 캡션을 따라 움직이며 "
        "가장 확률 높은 다섯 단어 중 테두리가 있는 막대를 읽어 보세요."),
    "ex.captioning.unsure.solution": (
        "**{word}** ({p}). Every word's probability when it was written: {table}.",
        "**{word}** ({p}). 각 단어를 쓸 때의 확률: {table}."),
}
